package dev.lingogate.bench.translate;

import java.util.Arrays;

/**
 * What one pass of requests showed: how many were sent, how many failed, how long the pass took
 * and each successful request's latency, the machine's one-minute load average at its end (the
 * figures are only comparable between passes that saw a similar load), and the CPU time the server
 * and the driver used meanwhile.
 */
record Measurement(int requests, int errors, long elapsedNanos, long[] sortedLatencyNanos, double loadAverage,
                   ProcessCpu serverCpu, long driverCpuNanos) {

    static Measurement of(int requests, int errors, long elapsedNanos, long[] latencyNanos, double loadAverage,
                          ProcessCpu serverCpu, long driverCpuNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Measurement(requests, errors, elapsedNanos, sorted, loadAverage, serverCpu, driverCpuNanos);
    }

    /** Successful requests per second of the whole pass. */
    double perSecond() {
        return (requests - errors) / (elapsedNanos / 1e9);
    }

    double percentileMillis(int p) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length) - 1;
        return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, rank))] / 1e6;
    }

    /** CPU microseconds per request of so many nanoseconds over the pass. */
    double microsPerRequest(long cpuNanos) {
        return cpuNanos / 1e3 / requests;
    }
}
