package dev.lingogate.app.language;

/** What Translate answered: the text, and the source language it used (the detected one for "auto"). */
public record TranslatedText(String text, String sourceLanguage) {
}
