package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.apertium.PipelineFailure;
import dev.lingogate.translate.glossary.Glossary;
import dev.lingogate.translate.glossary.GlossaryStore;
import dev.lingogate.translate.glossary.ProtectedText;
import dev.lingogate.translate.apertium.QueueFull;
import dev.lingogate.translate.apertium.TextFormat;
import dev.lingogate.translate.language.LanguageDetector;
import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.language.LanguageScore;
import dev.lingogate.translate.remote.RemoteUnavailable;
import dev.lingogate.translate.routing.Translation;
import dev.lingogate.translate.routing.Translator;
import dev.lingogate.translate.routing.UnsupportedPair;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Amazon Translate's TranslateText on the warm Apertium pipelines, directly or through a chain of
 * installed directions, with a custom terminology's terms forced when one is named.
 *
 * <p>Lingogate's own extensions, HTML and unknown-word marks, are asked for in headers
 * ({@link LingogateHeaders}), which AWS's SDKs let a caller add and Amazon Translate ignores.
 *
 * <p>Settings are checked but have no effect: AWS ignores Formality for target languages that do
 * not support it, and answers no {@code AppliedSettings} then, which is what Apertium's pairs are.
 */
final class TranslateText implements JsonOperation {

    /** AWS's limit for a synchronous translation, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 10_000;

    /** Below this, the detected language is a guess: AWS refuses to translate on a guess too. */
    private static final double LEAST_CONFIDENCE = 0.5;

    private final Translator translator;
    private final LanguageDetector detector;
    private final TerminologiesInUse glossaries;
    private final ObjectMapper mapper;

    TranslateText(Translator translator, LanguageDetector detector, GlossaryStore glossaries, ObjectMapper mapper) {
        this.translator = translator;
        this.detector = detector;
        this.glossaries = new TerminologiesInUse(glossaries);
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        request.authorize("translate:TranslateText", "*");
        LingogateHeaders extensions = LingogateHeaders.of(request);
        JsonNode settings = input.get("Settings");
        new ConstraintViolations()
                .requiredString(input, "Text", 1, Integer.MAX_VALUE, true)
                .requiredString(input, "SourceLanguageCode", 2, 5, false)
                .requiredString(input, "TargetLanguageCode", 2, 5, false)
                .oneOf(settings, "settings.formality", "Formality", List.of("FORMAL", "INFORMAL"))
                .oneOf(settings, "settings.profanity", "Profanity", List.of("MASK"))
                .oneOf(settings, "settings.brevity", "Brevity", List.of("ON"))
                .check();
        Optional<Glossary> glossary = glossaries.named(input.get("TerminologyNames"));
        String text = input.get("Text").asText();
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_TEXT_BYTES) {
            throw new AwsException(400, "TextSizeLimitExceededException",
                    "Input text size exceeds limit. Max length of request text allowed is " + MAX_TEXT_BYTES
                            + " bytes while in this request the text size is " + size + " bytes");
        }
        String target = input.get("TargetLanguageCode").asText();
        String requestedSource = input.get("SourceLanguageCode").asText();
        String source = requestedSource.equals("auto") ? detectedLanguage(text) : requestedSource;
        LanguagePair pair = new LanguagePair(source, target);
        if (glossary.isEmpty()) {
            return answer(translate(text, pair, extensions, request), source, target);
        }
        ProtectedText terms = glossaries.protect(glossary.get(), pair, text);
        ObjectNode output = answer(terms.restore(translate(terms.text(), pair, extensions, request)), source, target);
        output.set("AppliedTerminologies", glossaries.applied(glossary.get(), terms, mapper));
        return output;
    }

    /** The translated text; the chain and engine that made it are reported in the reply's headers. */
    private String translate(String text, LanguagePair pair, LingogateHeaders extensions, AwsRequest request) {
        if (pair.source().equals(pair.target())) {
            // AWS answers the text as it is (and does not charge for it).
            return text;
        }
        try {
            Translation translation = translator.translate(pair, text, extensions.format(), extensions.markUnknownWords());
            request.replyHeaders().put(LingogateHeaders.CHAIN, LingogateHeaders.written(translation.chain()));
            request.replyHeaders().put(LingogateHeaders.ENGINE,
                    translation.remote().map(engine -> engine.kind().word()).orElse("apertium"));
            return translation.text();
        } catch (UnsupportedPair e) {
            throw new AwsException(400, "UnsupportedLanguagePairException",
                    "Unsupported language pair: " + pair.source() + " to " + pair.target() + ".")
                    .withField("SourceLanguageCode", pair.source())
                    .withField("TargetLanguageCode", pair.target());
        } catch (PipelineFailure e) {
            throw new AwsException(500, "ServiceUnavailableException",
                    "The translation engine for " + pair.source() + " to " + pair.target()
                            + " is temporarily unavailable: " + e.getMessage() + ". Retry your request.");
        } catch (RemoteUnavailable e) {
            throw new AwsException(500, "ServiceUnavailableException", "No remote engine translated " + pair.source() + " to "
                    + pair.target() + " this time: " + e.getMessage().substring(e.getMessage().indexOf('(')) + ". Retry your request later.");
        } catch (QueueFull e) {
            // AWS answers an overloaded Translate with this type and status too.
            throw new AwsException(500, "ServiceUnavailableException",
                    "The translation engine for " + pair.source() + " to " + pair.target()
                            + " is busy: " + e.getMessage() + ". Retry your request later.");
        }
    }

    private String detectedLanguage(String text) {
        List<LanguageScore> scores = detector.scores(text);
        if (scores.isEmpty() || scores.get(0).score() < LEAST_CONFIDENCE) {
            AwsException error = new AwsException(400, "DetectedLanguageLowConfidenceException",
                    "The confidence that the source language was detected correctly is low"
                            + (scores.isEmpty() ? "" : " (" + scores.get(0).languageCode() + ", "
                            + String.format(java.util.Locale.ROOT, "%.2f", scores.get(0).score()) + ")")
                            + ". Specify the SourceLanguageCode.");
            if (!scores.isEmpty()) {
                error.withField("DetectedLanguageCode", scores.get(0).languageCode());
            }
            throw error;
        }
        return scores.get(0).languageCode();
    }

    private ObjectNode answer(String translated, String source, String target) {
        ObjectNode output = mapper.createObjectNode();
        output.put("TranslatedText", translated);
        output.put("SourceLanguageCode", source);
        output.put("TargetLanguageCode", target);
        return output;
    }
}
