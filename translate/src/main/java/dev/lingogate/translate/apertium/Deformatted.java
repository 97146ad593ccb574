package dev.lingogate.translate.apertium;

import java.util.function.UnaryOperator;

/**
 * A text made ready for an Apertium pipeline: the stream the pipeline reads, and what turns the
 * pipeline's answer back into the text's own format.
 *
 * @param stream     the text in Apertium's stream format
 * @param reformatter turns the translated stream back into text, markup restored
 */
public record Deformatted(String stream, UnaryOperator<String> reformatter) {

    public String reformat(String translatedStream) {
        return reformatter.apply(translatedStream);
    }
}
