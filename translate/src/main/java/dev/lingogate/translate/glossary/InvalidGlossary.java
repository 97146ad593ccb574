package dev.lingogate.translate.glossary;

/** A terminology file that cannot be read as its format says, or breaks one of Amazon Translate's limits. */
public final class InvalidGlossary extends RuntimeException {

    public InvalidGlossary(String message) {
        super(message);
    }
}
