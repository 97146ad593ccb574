package dev.lingogate.app.detect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.aws.ServiceClients;
import dev.lingogate.app.http.Endpoint;
import dev.lingogate.app.http.ErrorShape;
import dev.lingogate.app.http.JsonResponse;
import dev.lingogate.app.http.ProxyRequest;
import dev.lingogate.app.language.LanguageDetector;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/** LibreTranslate's {@code POST /detect}: the languages of q, most likely first, confidence in percent. */
public final class DetectHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Endpoint ENDPOINT = new Endpoint(ErrorShape.LIBRETRANSLATE);

    private final LanguageDetector detector;

    public DetectHandler() {
        this(ServiceClients.comprehend());
    }

    public DetectHandler(ComprehendClient comprehend) {
        this.detector = new LanguageDetector(comprehend);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ENDPOINT.serve(event, context, this::detect);
    }

    private APIGatewayProxyResponseEvent detect(ProxyRequest request) {
        if (!request.method().equals("POST")) {
            throw request.methodNotAllowed("POST");
        }
        String q = request.jsonObject().requiredString("q");
        return JsonResponse.of(200, detector.detect(q));
    }
}
