package dev.lingogate.app.language;

import dev.lingogate.app.http.HttpError;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;

/** Amazon Translate's TranslateText, with its documented size limit checked before the call. */
public final class Translator {
    /** TranslateText accepts at most 10,000 bytes of UTF-8 per request. */
    public static final int MAX_TEXT_BYTES = 10_000;

    /** Where Lingogate's engine reports the languages a text went through; Amazon Translate sends no such header. */
    static final String CHAIN_HEADER = "X-Lingogate-Chain";

    private final TranslateClient translate;

    public Translator(TranslateClient translate) {
        this.translate = translate;
    }

    /**
     * @param field the request field the text came from, so an error can name it
     * @param source a language code or "auto"
     */
    public TranslatedText translate(String field, String text, String source, String target) {
        return translate(field, text, source, target, TextOptions.DEFAULT);
    }

    /** As above, in a format and with unknown words marked or not, asked for in Lingogate's headers. */
    public TranslatedText translate(String field, String text, String source, String target, TextOptions options) {
        requireWithinLimit(field, text);
        TranslateTextResponse answer = translate.translateText(request -> request
                .text(text)
                .sourceLanguageCode(source)
                .targetLanguageCode(target)
                .overrideConfiguration(call -> call
                        .putHeader("X-Lingogate-Format", options.format())
                        .putHeader("X-Lingogate-Mark-Unknown", Boolean.toString(options.markUnknown()))));
        return new TranslatedText(answer.translatedText(), answer.sourceLanguageCode(),
                answer.sdkHttpResponse().firstMatchingHeader(CHAIN_HEADER));
    }

    public static void requireWithinLimit(String field, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw HttpError.badRequest(field + " is " + bytes + " bytes of UTF-8; at most "
                    + MAX_TEXT_BYTES + " bytes can be translated at once");
        }
    }
}
