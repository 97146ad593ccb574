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
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.Language;

/** LibreTranslate's {@code GET /languages}: what the translation engine can translate, and into what. */
public final class LanguagesHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Endpoint ENDPOINT = new Endpoint(ErrorShape.LIBRETRANSLATE);

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
        List<Language> languages = translate.listLanguagesPaginator(list -> list.displayLanguageCode("en")).stream()
                .flatMap(page -> page.languages().stream())
                .toList();
        return JsonResponse.of(200, LanguageList.from(languages));
    }
}
