package dev.lingogate.edge;

/**
 * Where the edge listens and how much it accepts.
 *
 * @param maxBodyBytes DynamoDB's largest request (a 25-item batch of 400 KB items) fits in 16 MB
 */
public record EdgeOptions(String host, int port, int maxBodyBytes) {

    public static EdgeOptions onPort(int port) {
        return new EdgeOptions("127.0.0.1", port, 16 * 1024 * 1024);
    }
}
