package dev.lingogate.translate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.translate.language.LanguagePair;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * DeepL's API v2 {@code POST /v2/translate}: {@code {text: [...], source_lang, target_lang}} with the
 * key in {@code Authorization: DeepL-Auth-Key}, {@code {translations: [{text}]}} out. DeepL names
 * languages in capitals ({@code EN}, {@code DE}); HTML is kept with {@code tag_handling}.
 */
final class DeepLApi implements RemoteTranslator {

    private final URI uri;
    private final String authKey;
    private final HttpJson http;

    DeepLApi(RemoteEngine engine, String authKey) {
        this.uri = engine.endpoint().resolve("/v2/translate");
        this.authKey = authKey;
        this.http = new HttpJson(engine.timeout());
    }

    @Override
    public String translate(String text, LanguagePair pair, boolean html) throws RemoteFailure {
        ObjectNode body = http.mapper().createObjectNode();
        body.putArray("text").add(text);
        body.put("source_lang", pair.source().toUpperCase(Locale.ROOT)).put("target_lang", pair.target().toUpperCase(Locale.ROOT));
        if (html) {
            body.put("tag_handling", "html");
        }
        JsonNode answer = http.post(uri, body, Map.of("Authorization", "DeepL-Auth-Key " + authKey));
        JsonNode translated = answer.path("translations").path(0).get("text");
        if (translated == null || !translated.isTextual()) {
            throw new RemoteFailure(RemoteFailure.Kind.PASSING, uri + " answered no translations[0].text: " + answer);
        }
        return translated.asText();
    }
}
