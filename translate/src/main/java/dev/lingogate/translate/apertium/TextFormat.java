package dev.lingogate.translate.apertium;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats a text to translate may be in. Amazon Translate's TranslateText has no such
 * parameter (a document's format is TranslateDocument's {@code ContentType}); Lingogate takes it as
 * its own extension, the header {@code X-Lingogate-Format: html}, and defaults to plain text.
 */
public enum TextFormat {

    /** Plain text, as {@code apertium -f txt}: newlines, tabs and paragraphs kept. */
    TEXT {
        @Override
        public Deformatted deformat(String text) {
            return new Deformatted(PlainTextFormat.deformat(text), PlainTextFormat::reformat);
        }
    },

    /** HTML: text nodes and title/alt/placeholder attributes translated, all markup kept. */
    HTML {
        @Override
        public Deformatted deformat(String text) {
            return HtmlFormat.deformat(text);
        }
    };

    /** The text in Apertium's stream format, and the way back from the pipeline's answer. */
    public abstract Deformatted deformat(String text);

    /** The format named {@code text} or {@code html}, in any case. */
    public static Optional<TextFormat> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "html" -> Optional.of(HTML);
            default -> Optional.empty();
        };
    }

    /** The format's name as the API spells it: {@code text} or {@code html}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
