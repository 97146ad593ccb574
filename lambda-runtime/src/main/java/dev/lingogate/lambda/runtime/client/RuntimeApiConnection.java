package dev.lingogate.lambda.runtime.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection to the Runtime API, used by one thread at a time.
 *
 * <p>The channel is blocking, so a read is one {@code read(2)} that waits in the kernel for the
 * host's answer, with no poll before it; a request goes out as one gathering write of its head and
 * body. The native client it replaces made about 18 system calls per invocation through libcurl.
 */
final class RuntimeApiConnection implements AutoCloseable {

    /** A whole answer: status, headers by lower-case name, and body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    /** Room for a response's head; the Runtime API's heads are a few hundred bytes. */
    private static final int HEAD_BUFFER_BYTES = 64 * 1024;

    private final InetSocketAddress address;
    /** Bytes read from the channel and not yet parsed, between {@code position} and {@code limit}. */
    private final ByteBuffer in = ByteBuffer.allocateDirect(HEAD_BUFFER_BYTES).flip();
    private SocketChannel channel;

    RuntimeApiConnection(InetSocketAddress address) {
        this.address = address;
    }

    /**
     * Sends a request and reads its whole answer. A kept-alive connection the host has closed since
     * the last exchange is opened again and the request sent once more, but only when no byte of
     * an answer came back, so the host never sees a request twice that it answered.
     */
    Response exchange(ByteBuffer... request) throws IOException {
        boolean reused = channel != null;
        try {
            return attempt(request);
        } catch (ConnectionClosed closed) {
            if (!reused) {
                throw closed;
            }
            for (ByteBuffer part : request) {
                part.rewind();
            }
            return attempt(request);
        }
    }

    private Response attempt(ByteBuffer[] request) throws IOException {
        if (channel == null) {
            open();
        }
        try {
            send(request);
            return receive();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing is waiting on a connection being dropped.
            }
            channel = null;
        }
        in.clear().flip();
    }

    private void open() throws IOException {
        channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    private void send(ByteBuffer[] request) throws IOException {
        long remaining = 0;
        for (ByteBuffer part : request) {
            remaining += part.remaining();
        }
        try {
            while (remaining > 0) {
                remaining -= channel.write(request);
            }
        } catch (IOException e) {
            // A reset or broken pipe means the host dropped the connection before reading this request.
            throw new ConnectionClosed("the Runtime API closed the connection: " + e.getMessage());
        }
    }

    private Response receive() throws IOException {
        String statusLine = line(true);
        int status = status(statusLine);
        Map<String, String> headers = new HashMap<>();
        for (String line = line(false); !line.isEmpty(); line = line(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header from the Runtime API: " + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = body(headers);
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Response(status, headers, body);
    }

    private static int status(String statusLine) throws IOException {
        // "HTTP/1.1 200 OK": the code is the three digits after the first space.
        int space = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/1.") || space < 0 || statusLine.length() < space + 4) {
            throw new IOException("malformed status line from the Runtime API: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(space + 1, space + 4));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line from the Runtime API: " + statusLine, e);
        }
    }

    private byte[] body(Map<String, String> headers) throws IOException {
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunkedBody();
        }
        String contentLength = headers.get("content-length");
        if (contentLength == null) {
            return new byte[0];
        }
        int length;
        try {
            length = Integer.parseInt(contentLength);
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length from the Runtime API: " + contentLength, e);
        }
        if (length < 0) {
            throw new IOException("malformed Content-Length from the Runtime API: " + contentLength);
        }
        byte[] body = new byte[length];
        readFully(body, 0, length);
        return body;
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(false);
            int extension = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size from the Runtime API: " + sizeLine, e);
            }
            if (size == 0) {
                // Trailers, if any, end with an empty line like the head's.
                while (!line(false).isEmpty()) {
                    // skipped: the Runtime API sends none that matter
                }
                return body.toByteArray();
            }
            byte[] chunk = new byte[size];
            readFully(chunk, 0, size);
            body.write(chunk, 0, size);
            if (!line(false).isEmpty()) {
                throw new IOException("a chunk from the Runtime API is longer than its size line says");
            }
        }
    }

    /**
     * The next line, without its CRLF, read as Latin-1 as HTTP heads are.
     *
     * @param first whether it is an answer's first line, where an end of stream means the host had
     *              closed the kept-alive connection before this request
     */
    private String line(boolean first) throws IOException {
        int from = in.position();
        while (true) {
            for (int i = from; i < in.limit(); i++) {
                if (in.get(i) == '\n') {
                    int end = i > in.position() && in.get(i - 1) == '\r' ? i - 1 : i;
                    byte[] bytes = new byte[end - in.position()];
                    in.get(bytes);
                    in.position(i + 1);
                    return new String(bytes, StandardCharsets.ISO_8859_1);
                }
            }
            int unparsed = in.remaining();
            if (!fill()) {
                if (first && unparsed == 0) {
                    throw new ConnectionClosed("the Runtime API closed the connection");
                }
                throw new EOFException("the Runtime API closed the connection in the middle of an answer");
            }
            // The unparsed bytes now start the buffer; only what was read after them is new.
            from = in.position() + unparsed;
        }
    }

    /** Moves unparsed bytes to the front of the buffer and reads more after them; false at end of stream. */
    private boolean fill() throws IOException {
        in.compact();
        if (!in.hasRemaining()) {
            in.flip();
            throw new IOException("a line from the Runtime API is longer than " + HEAD_BUFFER_BYTES + " bytes");
        }
        int read = channel.read(in);
        in.flip();
        return read > 0;
    }

    private void readFully(byte[] into, int offset, int length) throws IOException {
        int buffered = Math.min(in.remaining(), length);
        in.get(into, offset, buffered);
        ByteBuffer rest = ByteBuffer.wrap(into, offset + buffered, length - buffered);
        while (rest.hasRemaining()) {
            if (channel.read(rest) < 0) {
                throw new EOFException("the Runtime API closed the connection in the middle of an answer");
            }
        }
    }

    /** The host closed the connection before any byte of an answer to this request. */
    private static final class ConnectionClosed extends EOFException {
        ConnectionClosed(String message) {
            super(message);
        }
    }
}
