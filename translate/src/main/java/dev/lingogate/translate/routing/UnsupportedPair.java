package dev.lingogate.translate.routing;

import dev.lingogate.translate.language.LanguagePair;

/** No installed direction, nor any chain of them, translates from the source into the target. */
public final class UnsupportedPair extends RuntimeException {

    private final LanguagePair pair;

    public UnsupportedPair(LanguagePair pair) {
        super("no installed Apertium mode, nor a chain of them, translates " + pair.source() + " to " + pair.target());
        this.pair = pair;
    }

    public LanguagePair pair() {
        return pair;
    }
}
