package dev.lingogate.app.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.app.http.HttpError;
import dev.lingogate.app.http.JsonBody;
import dev.lingogate.app.http.ProxyRequest;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lingogate.app.language.LanguageCode;
import dev.lingogate.app.language.TextOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A LibreTranslate /translate request: q is one text or an array of texts (then the answer is an
 * array too), source may be "auto" (the default here), format is "text" or "html" (HTML: text
 * nodes and title/alt/placeholder translated, markup kept), and Lingogate's own markUnknown
 * (true or false, default false) marks the words the engine does not know.
 */
record LibreTranslateRequest(List<String> texts, boolean batch, String source, String target, TextOptions options) {
    static final int MAX_TEXTS = 100;

    static LibreTranslateRequest fromQuery(ProxyRequest request) {
        String q = request.query("q").filter(value -> !value.isBlank()).orElseThrow(LibreTranslateRequest::missingQ);
        return of(List.of(q), false, request.query("source"), request.query("target"),
                TextOptions.of(request.query("format"), request.query("markUnknown").map(TextNode::valueOf)));
    }

    static LibreTranslateRequest fromBody(JsonBody body) {
        JsonNode q = body.field("q").orElseThrow(LibreTranslateRequest::missingQ);
        if (q.isArray()) {
            return of(texts(q), true, body.optionalString("source"), body.optionalString("target"), options(body));
        }
        String text = body.optionalString("q").orElseThrow(LibreTranslateRequest::missingQ);
        return of(List.of(text), false, body.optionalString("source"), body.optionalString("target"), options(body));
    }

    private static TextOptions options(JsonBody body) {
        return TextOptions.of(body.optionalString("format"), body.field("markUnknown"));
    }

    boolean detectsSource() {
        return LanguageCode.AUTO.equals(source);
    }

    private static LibreTranslateRequest of(List<String> texts, boolean batch, Optional<String> source,
                                            Optional<String> target, TextOptions options) {
        String from = LanguageCode.source("source", source.filter(s -> !s.isBlank()).orElse(LanguageCode.AUTO));
        String to = LanguageCode.target("target", target.filter(t -> !t.isBlank())
                .orElseThrow(() -> HttpError.badRequest("Invalid request: missing target parameter")));
        return new LibreTranslateRequest(texts, batch, from, to, options);
    }

    private static List<String> texts(JsonNode array) {
        if (array.isEmpty()) {
            throw HttpError.badRequest("q must hold at least one text");
        }
        if (array.size() > MAX_TEXTS) {
            throw HttpError.badRequest("q holds " + array.size() + " texts; at most " + MAX_TEXTS + " per request");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw HttpError.badRequest("q must be a string or an array of strings; q[" + i + "] is not a string");
            }
            if (item.textValue().isBlank()) {
                throw HttpError.badRequest("q[" + i + "] must not be empty");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    private static HttpError missingQ() {
        return HttpError.badRequest("Invalid request: missing q parameter");
    }
}
