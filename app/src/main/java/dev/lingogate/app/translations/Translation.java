package dev.lingogate.app.translations;

/** One entry of the history, as stored and as answered (field order is the JSON order). */
public record Translation(
        String id,
        String text,
        String translatedText,
        String source,
        String detectedSource,
        String target,
        String createdAt,
        String updatedAt,
        long version) {
}
