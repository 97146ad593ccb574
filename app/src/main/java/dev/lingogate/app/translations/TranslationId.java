package dev.lingogate.app.translations;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A translation's id: 26 characters of Crockford base32, ULID-style, the first 10 the creation
 * millisecond and the rest random. Ids sort as text in creation order, which is what lets a
 * DynamoDB sort key on them list the history newest first.
 */
public record TranslationId(String value) {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 26;
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    public TranslationId {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a translation id: " + value);
        }
    }

    /** Empty for anything that cannot be an id: such a translation cannot exist. */
    public static Optional<TranslationId> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new TranslationId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
