package dev.lingogate.translate.language;

/** A translation direction in ISO 639-1 codes, e.g. {@code en} to {@code es}. */
public record LanguagePair(String source, String target) {

    @Override
    public String toString() {
        return source + "-" + target;
    }
}
