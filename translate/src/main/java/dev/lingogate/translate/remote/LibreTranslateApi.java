package dev.lingogate.translate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.translate.language.LanguagePair;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** LibreTranslate's {@code POST /translate}: {@code {q, source, target, format[, api_key]}} in, {@code {translatedText}} out. */
final class LibreTranslateApi implements RemoteTranslator {

    private final URI uri;
    private final Optional<String> apiKey;
    private final HttpJson http;

    LibreTranslateApi(RemoteEngine engine, Optional<String> apiKey) {
        this.uri = engine.endpoint().resolve("/translate");
        this.apiKey = apiKey;
        this.http = new HttpJson(engine.timeout());
    }

    @Override
    public String translate(String text, LanguagePair pair, boolean html) throws RemoteFailure {
        ObjectNode body = http.mapper().createObjectNode()
                .put("q", text)
                .put("source", pair.source())
                .put("target", pair.target())
                .put("format", html ? "html" : "text");
        apiKey.ifPresent(key -> body.put("api_key", key));
        JsonNode answer = http.post(uri, body, Map.of());
        JsonNode translated = answer.get("translatedText");
        if (translated == null || !translated.isTextual()) {
            throw new RemoteFailure(RemoteFailure.Kind.PASSING, uri + " answered no translatedText: " + answer);
        }
        return translated.asText();
    }
}
