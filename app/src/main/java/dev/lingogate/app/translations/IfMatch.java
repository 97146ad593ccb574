package dev.lingogate.app.translations;

import dev.lingogate.app.http.HttpError;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a client read, from its If-Match header: "3", 3 and W/"3" all name version 3
 * (weak and bare forms are accepted because proxies and hand-written clients produce them),
 * and * names whatever version is current. Without it a correction could silently overwrite
 * someone else's, so a missing header is refused with 428.
 */
public final class IfMatch {
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private final OptionalLong version;

    private IfMatch(OptionalLong version) {
        this.version = version;
    }

    public static IfMatch parse(Optional<String> header) {
        String value = header.map(String::trim).filter(v -> !v.isEmpty()).orElseThrow(() -> new HttpError(428,
                "If-Match header is required: send the ETag you got from GET /translations/{id}"));
        if (value.equals("*")) {
            return new IfMatch(OptionalLong.empty());
        }
        Matcher matcher = VERSION.matcher(value);
        if (!matcher.matches()) {
            throw HttpError.badRequest("If-Match must be one ETag such as \"3\", not " + value);
        }
        return new IfMatch(OptionalLong.of(Long.parseLong(matcher.group(1))));
    }

    /** Empty when any current version will do (If-Match: *). */
    public OptionalLong version() {
        return version;
    }

    /** The ETag header value for a version: a strong entity tag. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
