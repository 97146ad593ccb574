package dev.lingogate.translate.remote;

import dev.lingogate.translate.language.LanguagePair;
import java.util.List;

/** Every remote engine that might translate a pair failed or refused: worth retrying later. */
public final class RemoteUnavailable extends RuntimeException {

    public RemoteUnavailable(LanguagePair pair, List<String> failures) {
        super("no remote engine translated " + pair.source() + " to " + pair.target() + " (" + String.join("; ", failures) + ")");
    }
}
