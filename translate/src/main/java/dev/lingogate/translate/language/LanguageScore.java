package dev.lingogate.translate.language;

/** How likely a text is in one language: an ISO 639-1 code and a score between 0 and 1. */
public record LanguageScore(String languageCode, double score) {
}
