package dev.lingogate.bench.translate;

import dev.lingogate.bench.wire.WireRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Apertium APy, the Apertium project's own HTTP server, called as its documented API is:
 * {@code GET /translate?langpair=eng|spa&q=...&format=txt}.
 */
final class ApertiumApy implements TranslationTarget {

    private final URI server;

    ApertiumApy(URI server) {
        this.server = server;
    }

    @Override
    public String label() {
        return "Apertium APy, GET /translate";
    }

    @Override
    public URI server() {
        return server;
    }

    @Override
    public List<WireRequest> requests(List<String> sentences) {
        return sentences.stream().map(sentence -> WireRequest.get(server, "/translate?langpair=eng%7Cspa&format=txt&q="
                + URLEncoder.encode(sentence, StandardCharsets.UTF_8))).toList();
    }

    @Override
    public String translationField() {
        return "\"translatedText\"";
    }
}
