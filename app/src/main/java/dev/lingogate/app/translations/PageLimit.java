package dev.lingogate.app.translations;

import dev.lingogate.app.http.HttpError;
import java.util.Optional;

/** How many history items one page holds: 1 to 100, 20 unless asked. */
final class PageLimit {
    static final int DEFAULT = 20;
    static final int MAX = 100;

    private PageLimit() {
    }

    static int parse(Optional<String> limit) {
        if (limit.isEmpty()) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit.get().trim());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw HttpError.badRequest("limit must be a whole number from 1 to " + MAX);
    }
}
