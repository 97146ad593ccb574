package dev.lingogate.app.language;

/** A language Comprehend found, with its confidence as a percentage (LibreTranslate's scale). */
public record DetectedLanguage(String language, double confidence) {
}
