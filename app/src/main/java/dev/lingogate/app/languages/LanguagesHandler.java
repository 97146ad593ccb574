package dev.lingogate.app.languages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.aws.ServiceClients;
import dev.lingogate.app.http.Endpoint;
import dev.lingogate.app.http.ErrorShape;
import dev.lingogate.app.http.JsonResponse;
import dev.lingogate.app.http.ProxyRequest;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.Language;
import software.amazon.awssdk.services.translate.model.ListLanguagesResponse;

/** LibreTranslate's {@code GET /languages}: what the translation engine can translate, into what, and which directly. */
public final class LanguagesHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Endpoint ENDPOINT = new Endpoint(ErrorShape.LIBRETRANSLATE);

    /** Where Lingogate's engine lists every pair it serves, each as its chain; Amazon Translate sends no such header. */
    private static final String PAIRS_HEADER = "X-Lingogate-Pairs";

    private final TranslateClient translate;

    public LanguagesHandler() {
        this(ServiceClients.translate());
    }

    public LanguagesHandler(TranslateClient translate) {
        this.translate = translate;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ENDPOINT.serve(event, context, this::languages);
    }

    private APIGatewayProxyResponseEvent languages(ProxyRequest request) {
        if (!request.method().equals("GET")) {
            throw request.methodNotAllowed("GET");
        }
        List<ListLanguagesResponse> pages = translate.listLanguagesPaginator(list -> list.displayLanguageCode("en")).stream().toList();
        List<Language> languages = pages.stream().flatMap(page -> page.languages().stream()).toList();
        Optional<String> pairs = pages.isEmpty() ? Optional.empty() : pages.get(0).sdkHttpResponse().firstMatchingHeader(PAIRS_HEADER);
        return JsonResponse.of(200, LanguageList.from(languages, pairs));
    }
}
