package dev.lingogate.app.translations;

import dev.lingogate.app.http.HttpError;

/** No translation has this id (any more). */
public final class TranslationNotFound extends HttpError {
    public TranslationNotFound(String id) {
        super(404, "Translation " + id + " not found");
    }
}
