package dev.lingogate.bench.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of a load driver: a blocking socket on which a client writes a
 * prepared request and reads its answer, one request at a time. This is all the driver does per
 * request, so that its own CPU, taken from the server's on a small machine, stays a few
 * microseconds: lines are read into one buffer and only the headers that frame the answer are
 * looked at (Content-Length, chunked Transfer-Encoding, Connection: close). A connection the server
 * closes, or whose answer cannot be read, is opened again before the next request.
 */
public final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);

    /** A status and a body, as the server answered. */
    public record Answer(int status, String body) {
    }

    private final URI server;
    private final byte[] line = new byte[8 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public KeepAliveConnection(URI server) {
        this.server = server;
    }

    /** @param request a whole HTTP/1.1 request, as it goes on the wire */
    public Answer send(byte[] request) throws IOException {
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
            throw new IOException("not an HTTP answer: " + text(0, length));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long bodyLength = -1;
        boolean chunked = false;
        boolean closing = false;
        for (int header; (header = readLine()) > 0; ) {
            if (startsWithIgnoringCase(header, CONTENT_LENGTH)) {
                bodyLength = Long.parseLong(value(header, CONTENT_LENGTH));
            } else if (startsWithIgnoringCase(header, TRANSFER_ENCODING)) {
                chunked = value(header, TRANSFER_ENCODING).contains("chunked");
            } else if (startsWithIgnoringCase(header, CONNECTION)) {
                closing = value(header, CONNECTION).contains("close");
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunks();
        } else if (bodyLength >= 0) {
            body = in.readNBytes((int) bodyLength);
        } else {
            body = in.readAllBytes();
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    /** A chunked body, its trailers skipped up to the empty line that ends the answer. */
    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(text(0, readLine()).split(";")[0].trim(), 16)) > 0; ) {
            body.writeBytes(in.readNBytes(size));
            readLine();
        }
        while (readLine() > 0) {
            // a trailer
        }
        return body.toByteArray();
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

    /** The value of the header line just read, lower case and trimmed. */
    private String value(int length, byte[] name) {
        return text(name.length, length - name.length).trim().toLowerCase(Locale.ROOT);
    }

    private String text(int offset, int length) {
        return new String(line, offset, length, StandardCharsets.US_ASCII);
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
