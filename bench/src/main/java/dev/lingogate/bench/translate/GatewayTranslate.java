package dev.lingogate.bench.translate;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The app's LibreTranslate-compatible {@code POST /translate} through Lingogate's gateway: gateway,
 * function JVM over the Runtime API, then the edge's TranslateText, signed with the function's role.
 */
final class GatewayTranslate extends HttpTarget {

    private final URI endpoint;

    GatewayTranslate(String baseUrl) {
        this.endpoint = resolve(baseUrl, "/translate");
    }

    @Override
    public String label() {
        return "Lingogate gateway, POST /translate";
    }

    @Override
    HttpRequest.Builder request(String sentence) {
        String body = "{\"q\":" + jsonString(sentence) + ",\"source\":\"en\",\"target\":\"es\",\"format\":\"text\"}";
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String jsonString(String text) {
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
