package dev.lingogate.bench.translate;

import dev.lingogate.bench.wire.WireRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The app's LibreTranslate-compatible {@code POST /translate} through Lingogate's gateway: gateway,
 * function JVM over the Runtime API, then the edge's TranslateText, signed with the function's role.
 */
final class GatewayTranslate implements TranslationTarget {

    private final URI server;

    GatewayTranslate(URI server) {
        this.server = server;
    }

    @Override
    public String label() {
        return "Lingogate gateway, POST /translate";
    }

    @Override
    public URI server() {
        return server;
    }

    @Override
    public List<WireRequest> requests(List<String> sentences) {
        return sentences.stream().map(sentence -> WireRequest.post(server, "/translate",
                Map.of("Content-Type", "application/json"),
                ("{\"q\":" + WireRequest.jsonString(sentence) + ",\"source\":\"en\",\"target\":\"es\",\"format\":\"text\"}")
                        .getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Override
    public String translationField() {
        return "\"translatedText\"";
    }
}
