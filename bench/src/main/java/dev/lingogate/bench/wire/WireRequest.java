package dev.lingogate.bench.wire;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request as the bytes that go on the wire, written once before a pass so that the
 * driver's cost per request is a socket write and the read of the answer, nothing else.
 */
public record WireRequest(byte[] bytes) {

    public static WireRequest get(URI server, String pathAndQuery) {
        return of("GET", server, pathAndQuery, Map.of(), new byte[0]);
    }

    public static WireRequest post(URI server, String path, Map<String, String> headers, byte[] body) {
        return of("POST", server, path, headers, body);
    }

    private static WireRequest of(String method, URI server, String pathAndQuery, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getAuthority()).append("\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        return new WireRequest(bytes.toByteArray());
    }

    /** A text as a JSON string, quotes included. */
    public static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
