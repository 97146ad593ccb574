package dev.lingogate.edge;

/**
 * Where the edge listens and how much it accepts.
 *
 * @param maxBodyBytes  DynamoDB's largest request (a 25-item batch of 400 KB items) fits in 16 MB
 * @param workerBacklog the calls that may block (SQLite, a pipe) the edge holds for its workers,
 *                      running or waiting for one; a call past it is answered its service's
 *                      {@linkplain AwsService#overloaded() overloaded} error at once
 * @param bodyBacklog   the calls whose bodies the edge is still reading, weighed by their declared
 *                      length (a chunked one by the largest a call may have): what the worker
 *                      backlog cannot see, as a call joins it only once its body is whole. A call
 *                      past it is answered the same overloaded error, its body unread.
 */
public record EdgeOptions(String host, int port, int maxBodyBytes, BacklogLimit workerBacklog,
                          BacklogLimit bodyBacklog) {

    /**
     * By default 1,024 calls, running on the 64 workers or waiting for one (as many GetItems are
     * about 70 ms of the edge's CPU), whose bodies add up to at most four of the largest a call
     * may have.
     */
    public static final BacklogLimit WORKER_BACKLOG = new BacklogLimit(1024, 64L * 1024 * 1024);

    /**
     * By default 4,096 bodies being read, holding an eighth of the heap between them (a body is read
     * into memory whole before its call is dispatched), and never less than four of the largest.
     */
    public static final BacklogLimit BODY_BACKLOG =
            new BacklogLimit(4096, Math.max(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8));

    public EdgeOptions(String host, int port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, WORKER_BACKLOG, BODY_BACKLOG);
    }

    public static EdgeOptions onPort(int port) {
        return new EdgeOptions("127.0.0.1", port, 16 * 1024 * 1024);
    }

    /** These options with another bound on the calls held for the workers. */
    public EdgeOptions withWorkerBacklog(BacklogLimit backlog) {
        return new EdgeOptions(host, port, maxBodyBytes, backlog, bodyBacklog);
    }

    /** These options with another bound on the bodies being read. */
    public EdgeOptions withBodyBacklog(BacklogLimit backlog) {
        return new EdgeOptions(host, port, maxBodyBytes, workerBacklog, backlog);
    }
}
