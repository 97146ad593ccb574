package dev.lingogate.app.translate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.aws.ServiceClients;
import dev.lingogate.app.http.Endpoint;
import dev.lingogate.app.http.ErrorShape;
import dev.lingogate.app.http.HttpError;
import dev.lingogate.app.http.JsonResponse;
import dev.lingogate.app.http.ProxyRequest;
import dev.lingogate.app.language.DetectedLanguage;
import dev.lingogate.app.language.LanguageDetector;
import dev.lingogate.app.language.TranslatedText;
import dev.lingogate.app.language.Translator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * LibreTranslate's {@code /translate} (GET with query parameters, POST with JSON), answering in
 * LibreTranslate's shape so its clients work unchanged. Nothing is stored.
 * With source "auto" each text's language is detected by Comprehend first, because LibreTranslate
 * clients expect a confidence and TranslateText does not report one. Where the engine reports the
 * chain of languages a text went through (Lingogate's does, e.g. {@code ca>en>es>pt} for a pair with
 * no direct mode), the answer adds it as {@code chain}.
 */
public final class TranslateHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Endpoint ENDPOINT = new Endpoint(ErrorShape.LIBRETRANSLATE);

    private final Translator translator;
    private final LanguageDetector detector;

    public TranslateHandler() {
        this(ServiceClients.translate(), ServiceClients.comprehend());
    }

    public TranslateHandler(TranslateClient translate, ComprehendClient comprehend) {
        this.translator = new Translator(translate);
        this.detector = new LanguageDetector(comprehend);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ENDPOINT.serve(event, context, request -> JsonResponse.of(200, translate(parse(request))));
    }

    private static LibreTranslateRequest parse(ProxyRequest request) {
        return switch (request.method()) {
            case "GET" -> LibreTranslateRequest.fromQuery(request);
            case "POST" -> LibreTranslateRequest.fromBody(request.jsonObject());
            default -> throw request.methodNotAllowed("GET", "POST");
        };
    }

    private Map<String, Object> translate(LibreTranslateRequest request) {
        request.texts().forEach(text -> Translator.requireWithinLimit("q", text));
        List<String> translated = new ArrayList<>();
        List<DetectedLanguage> detected = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        for (String text : request.texts()) {
            String source = request.source();
            if (request.detectsSource()) {
                DetectedLanguage language = dominantLanguage(text);
                detected.add(language);
                source = language.language();
            }
            TranslatedText translation = translator.translate("q", text, source, request.target(), request.options());
            translated.add(translation.text());
            chains.add(translation.chain().orElse(null));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (request.detectsSource()) {
            answer.put("detectedLanguage", request.batch() ? detected : detected.get(0));
        }
        answer.put("translatedText", request.batch() ? translated : translated.get(0));
        if (chains.stream().anyMatch(Objects::nonNull)) {
            // Lingogate's own field, beside LibreTranslate's: which languages each text went through.
            answer.put("chain", request.batch() ? chains : chains.get(0));
        }
        return answer;
    }

    private DetectedLanguage dominantLanguage(String text) {
        return detector.detect(text).stream().findFirst().orElseThrow(() -> HttpError.badRequest(
                "The language of q could not be detected; name the source language instead of auto"));
    }
}
