package dev.lingogate.translate.remote;

import dev.lingogate.translate.language.LanguagePair;
import java.util.List;

/** No remote engine is configured for a pair, or every one configured said it does not translate it. */
public final class RemoteUnsupportedPair extends RuntimeException {

    public RemoteUnsupportedPair(LanguagePair pair, List<String> answers) {
        super(answers.isEmpty() ? "no remote engine is configured for " + pair
                : "no remote engine translates " + pair + " (" + String.join("; ", answers) + ")");
    }
}
