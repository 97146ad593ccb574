package dev.lingogate.app.translations;

import dev.lingogate.app.http.HttpError;

/** The client corrected a version that someone else has changed since it was read. */
public final class StaleVersion extends HttpError {
    public StaleVersion(TranslationId id, long expected, long current) {
        super(412, "Translation " + id + " has changed: If-Match names version " + expected
                + " but the current version is " + current + "; read it again and reapply your change");
    }
}
