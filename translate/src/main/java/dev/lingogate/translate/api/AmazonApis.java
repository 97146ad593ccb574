package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.json.JsonProtocolService;
import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.language.LanguageDetector;
import dev.lingogate.translate.language.LanguagePair;
import java.util.Map;

/** The two AWS APIs of this module, as the edge serves them (JSON 1.1, error types without a namespace). */
public final class AmazonApis {

    private static final String JSON_1_1 = "application/x-amz-json-1.1";

    private AmazonApis() {
    }

    public static AwsService translate(Map<LanguagePair, PipelinePool> pools, LanguageDetector detector, ObjectMapper mapper) {
        return new JsonProtocolService("translate", "AWSShineFrontendService_20170701.", "", JSON_1_1, Map.of(
                "TranslateText", new TranslateText(pools, detector, mapper),
                "ListLanguages", new ListLanguages(pools.keySet(), mapper)), mapper);
    }

    public static AwsService comprehend(LanguageDetector detector, ObjectMapper mapper) {
        return new JsonProtocolService("comprehend", "Comprehend_20171127.", "", JSON_1_1, Map.of(
                "DetectDominantLanguage", new DetectDominantLanguage(detector, mapper)), mapper);
    }
}
