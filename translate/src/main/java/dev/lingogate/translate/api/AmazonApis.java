package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.cbor.RpcV2CborService;
import dev.lingogate.edge.json.JsonProtocolService;
import dev.lingogate.translate.glossary.GlossaryStore;
import dev.lingogate.translate.language.LanguageDetector;
import dev.lingogate.translate.routing.Translator;
import java.util.List;
import java.util.Map;

/**
 * The AWS APIs of this module as the edge serves them. Amazon Translate speaks two protocols: AWS's
 * JSON 1.1 (the AWS CLI, older SDKs) and Smithy RPC v2 CBOR (the AWS SDK for Java v2 of today);
 * Amazon Comprehend speaks JSON 1.1. Errors in JSON carry their type without a namespace, as AWS's
 * do for these two services.
 */
public final class AmazonApis {

    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final String TRANSLATE_SHAPE = "AWSShineFrontendService_20170701";

    private AmazonApis() {
    }

    /** Amazon Translate, once per protocol. */
    public static List<AwsService> translate(Translator translator, LanguageDetector detector, GlossaryStore glossaries,
            ObjectMapper mapper) {
        Map<String, JsonOperation> operations = Map.of(
                "TranslateText", new TranslateText(translator, detector, glossaries, mapper),
                "ListLanguages", new ListLanguages(translator.servedChains(), mapper),
                "ImportTerminology", new ImportTerminology(glossaries, mapper),
                "GetTerminology", new GetTerminology(glossaries, mapper),
                "ListTerminologies", new ListTerminologies(glossaries, mapper),
                "DeleteTerminology", new DeleteTerminology(glossaries, mapper));
        return List.of(
                new JsonProtocolService("translate", TRANSLATE_SHAPE + ".", "", JSON_1_1, operations, mapper),
                new RpcV2CborService("translate", TRANSLATE_SHAPE, "com.amazonaws.translate", operations));
    }

    public static AwsService comprehend(LanguageDetector detector, ObjectMapper mapper) {
        return new JsonProtocolService("comprehend", "Comprehend_20171127.", "", JSON_1_1, Map.of(
                "DetectDominantLanguage", new DetectDominantLanguage(detector, mapper)), mapper);
    }
}
