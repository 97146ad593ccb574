package dev.lingogate.app.translations;

import dev.lingogate.app.http.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of history starts: the id of the last item shown, sealed as base64url so
 * clients treat it as opaque. Only the id is kept because the owner is known from the request.
 */
public record Cursor(TranslationId after) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(after.value().getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor decode(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            return TranslationId.parse(id).map(Cursor::new).orElseThrow(Cursor::invalid);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static HttpError invalid() {
        return HttpError.badRequest("cursor is not valid: pass the nextCursor of the previous page unchanged");
    }
}
