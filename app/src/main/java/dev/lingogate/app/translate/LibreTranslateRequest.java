package dev.lingogate.app.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.app.http.HttpError;
import dev.lingogate.app.http.JsonBody;
import dev.lingogate.app.http.ProxyRequest;
import dev.lingogate.app.language.LanguageCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A LibreTranslate /translate request: q is one text or an array of texts (then the answer is an
 * array too), source may be "auto" (the default here), format is "text" or "html" (Translate
 * keeps HTML tags in place either way, so the format is checked but changes nothing).
 */
record LibreTranslateRequest(List<String> texts, boolean batch, String source, String target, String format) {
    static final int MAX_TEXTS = 100;

    static LibreTranslateRequest fromQuery(ProxyRequest request) {
        String q = request.query("q").filter(value -> !value.isBlank()).orElseThrow(LibreTranslateRequest::missingQ);
        return of(List.of(q), false, request.query("source"), request.query("target"), request.query("format"));
    }

    static LibreTranslateRequest fromBody(JsonBody body) {
        JsonNode q = body.field("q").orElseThrow(LibreTranslateRequest::missingQ);
        if (q.isArray()) {
            return of(texts(q), true, body.optionalString("source"), body.optionalString("target"), body.optionalString("format"));
        }
        String text = body.optionalString("q").orElseThrow(LibreTranslateRequest::missingQ);
        return of(List.of(text), false, body.optionalString("source"), body.optionalString("target"), body.optionalString("format"));
    }

    boolean detectsSource() {
        return LanguageCode.AUTO.equals(source);
    }

    private static LibreTranslateRequest of(List<String> texts, boolean batch, Optional<String> source,
                                            Optional<String> target, Optional<String> format) {
        String from = LanguageCode.source("source", source.filter(s -> !s.isBlank()).orElse(LanguageCode.AUTO));
        String to = LanguageCode.target("target", target.filter(t -> !t.isBlank())
                .orElseThrow(() -> HttpError.badRequest("Invalid request: missing target parameter")));
        String shape = format.orElse("text");
        if (!shape.equals("text") && !shape.equals("html")) {
            throw HttpError.badRequest("format must be \"text\" or \"html\"");
        }
        return new LibreTranslateRequest(texts, batch, from, to, shape);
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
