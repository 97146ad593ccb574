package dev.lingogate.translate.glossary;

/** A source term and the exact target term a glossary wants for it. */
public record TermPair(String source, String target) {
}
