package dev.lingogate.bench.translate;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Apertium APy, the Apertium project's own HTTP server, called as its documented API is:
 * {@code GET /translate?langpair=eng|spa&q=...&format=txt}.
 */
final class ApertiumApy extends HttpTarget {

    private final String baseUrl;

    ApertiumApy(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String label() {
        return "Apertium APy, GET /translate";
    }

    @Override
    HttpRequest.Builder request(String sentence) {
        return HttpRequest.newBuilder(resolve(baseUrl, "/translate?langpair=eng%7Cspa&format=txt&q="
                + URLEncoder.encode(sentence, StandardCharsets.UTF_8))).GET();
    }
}
