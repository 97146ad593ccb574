package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.language.LanguageDetector;
import java.nio.charset.StandardCharsets;

/**
 * Amazon Comprehend's DetectDominantLanguage on Lingua: the languages the text may be in,
 * likeliest first. A text with nothing to weigh (digits, punctuation) gets an empty list.
 */
final class DetectDominantLanguage implements JsonOperation {

    /** Comprehend's limit for the synchronous detection, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 100_000;

    private final LanguageDetector detector;
    private final ObjectMapper mapper;

    DetectDominantLanguage(LanguageDetector detector, ObjectMapper mapper) {
        this.detector = detector;
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        request.authorize("comprehend:DetectDominantLanguage", "*");
        new ConstraintViolations().requiredString(input, "Text", 1, Integer.MAX_VALUE, true).check();
        String text = input.get("Text").asText();
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_TEXT_BYTES) {
            throw new AwsException(400, "TextSizeLimitExceededException",
                    "Input text size exceeds limit. Max length of request text allowed is " + MAX_TEXT_BYTES
                            + " bytes while in this request the text size is " + size + " bytes");
        }
        ObjectNode output = mapper.createObjectNode();
        ArrayNode languages = output.putArray("Languages");
        detector.scores(text).forEach(score -> languages.addObject()
                .put("LanguageCode", score.languageCode())
                .put("Score", (float) score.score()));
        return output;
    }
}
