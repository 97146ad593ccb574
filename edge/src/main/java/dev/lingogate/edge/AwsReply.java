package dev.lingogate.edge;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a service answers to one call: status, headers of its protocol and a body. */
public record AwsReply(int status, Map<String, String> headers, byte[] body) {

    public static AwsReply json(int status, String contentType, byte[] body) {
        return new AwsReply(status, Map.of("Content-Type", contentType), body);
    }

    public static AwsReply json(int status, String contentType, String body) {
        return json(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
