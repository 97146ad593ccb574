package dev.lingogate.app.language;

import java.util.Optional;

/**
 * What Translate answered: the text, the source language it used (the detected one for "auto"),
 * and the chain of languages it went through, as Lingogate's engine reports it in
 * {@code X-Lingogate-Chain} (e.g. {@code ca>en>es>pt}); Amazon Translate reports none, nor does
 * Lingogate for a text left in its own language.
 */
public record TranslatedText(String text, String sourceLanguage, Optional<String> chain) {
}
