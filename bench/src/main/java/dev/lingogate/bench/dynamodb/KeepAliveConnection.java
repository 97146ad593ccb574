package dev.lingogate.bench.dynamodb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One client's keep-alive HTTP/1.1 connection: a blocking socket on which it writes a prepared
 * request and reads the answer, one request at a time, so that the driver's own CPU per call stays
 * a few microseconds. Both servers measured answer with a Content-Length; any other framing, or a
 * connection the server closes, is an error of that call (the connection is opened again for the
 * next).
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    /** A status and a body, as the server answered. */
    record Answer(int status, String body) {
    }

    private final URI server;
    private final byte[] line = new byte[8 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI server) {
        this.server = server;
    }

    Answer send(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private Answer readAnswer() throws IOException {
        int length = readLine();
        if (length < 12 || line[0] != 'H' || line[4] != '/') {
            throw new IOException("not an HTTP answer: " + new String(line, 0, length, StandardCharsets.US_ASCII));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        int bodyLength = -1;
        for (int header; (header = readLine()) > 0; ) {
            if (startsWithIgnoringCase(header, CONTENT_LENGTH)) {
                bodyLength = Integer.parseInt(new String(line, CONTENT_LENGTH.length, header - CONTENT_LENGTH.length,
                        StandardCharsets.US_ASCII).trim());
            }
        }
        if (bodyLength < 0) {
            throw new IOException("an answer without Content-Length");
        }
        return new Answer(status, new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8));
    }

    /** Reads one line into {@link #line}, without its CR LF; its length. */
    private int readLine() throws IOException {
        int length = 0;
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the server closed the connection mid-answer");
            }
            if (b != '\r' && length < line.length) {
                line[length++] = (byte) b;
            }
        }
        return length;
    }

    private boolean startsWithIgnoringCase(int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(line[i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all that was left to do with it.
            }
            socket = null;
        }
    }
}
