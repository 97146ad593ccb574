package dev.lingogate.app.translations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.aws.ServiceClients;
import dev.lingogate.app.http.Endpoint;
import dev.lingogate.app.http.ErrorShape;
import dev.lingogate.app.http.HttpError;
import dev.lingogate.app.http.JsonBody;
import dev.lingogate.app.http.JsonResponse;
import dev.lingogate.app.http.ProxyRequest;
import dev.lingogate.app.language.LanguageCode;
import dev.lingogate.app.language.TextOptions;
import dev.lingogate.app.language.TranslatedText;
import dev.lingogate.app.language.Translator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * The translation history: {@code /translations} (GET newest first, POST translate-and-save)
 * and {@code /translations/{id}} (GET, PUT to correct under If-Match, DELETE).
 * Reads TABLE_NAME from the environment.
 */
public final class TranslationsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    /** Generous for a corrected translation, and keeps the item far below DynamoDB's 400 KB. */
    static final int MAX_CORRECTION_BYTES = 100_000;

    private static final Endpoint ENDPOINT = new Endpoint(ErrorShape.MESSAGE);

    private final TranslationStore store;
    private final Translator translator;
    private final IdSequence ids = new IdSequence();
    private final Clock clock;

    /** What Lambda calls: clients built once for the life of the execution environment. */
    public TranslationsHandler() {
        this(ServiceClients.dynamoDb(), ServiceClients.translate(), tableNameFromEnvironment(), Clock.systemUTC());
    }

    public TranslationsHandler(DynamoDbClient db, TranslateClient translate, String tableName, Clock clock) {
        this.store = new TranslationStore(db, tableName);
        this.translator = new Translator(translate);
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ENDPOINT.serve(event, context, this::route);
    }

    private APIGatewayProxyResponseEvent route(ProxyRequest request) {
        Optional<String> id = request.pathParameter("id");
        if (id.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> list(request);
                case "POST" -> create(request);
                default -> throw request.methodNotAllowed("GET", "POST");
            };
        }
        return switch (request.method()) {
            case "GET" -> read(existingId(id.get()));
            case "PUT" -> correct(existingId(id.get()), request);
            case "DELETE" -> delete(existingId(id.get()));
            default -> throw request.methodNotAllowed("GET", "PUT", "DELETE");
        };
    }

    private APIGatewayProxyResponseEvent create(ProxyRequest request) {
        JsonBody body = request.jsonObject();
        String text = body.requiredString("text");
        String source = LanguageCode.source("source", body.optionalString("source", LanguageCode.AUTO));
        String target = LanguageCode.target("target", body.requiredString("target"));

        TextOptions options = TextOptions.of(body.optionalString("format"), body.field("markUnknown"));

        TranslatedText translated = translator.translate("text", text, source, target, options);
        String now = now();
        Translation translation = new Translation(ids.next().value(), text, translated.text(), source,
                translated.sourceLanguage(), target, now, now, 1);
        store.create(translation);
        return JsonResponse.of(201, translation, Map.of(
                "Location", "/translations/" + translation.id(),
                "ETag", IfMatch.etag(translation.version())));
    }

    private APIGatewayProxyResponseEvent list(ProxyRequest request) {
        int limit = PageLimit.parse(request.query("limit"));
        Optional<Cursor> cursor = request.query("cursor").filter(c -> !c.isEmpty()).map(Cursor::decode);
        Page page = store.newestFirst(limit, cursor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.next().map(Cursor::encode).orElse(null));
        return JsonResponse.of(200, body);
    }

    private APIGatewayProxyResponseEvent read(TranslationId id) {
        Translation translation = store.find(id).orElseThrow(() -> new TranslationNotFound(id.value()));
        return withEtag(200, translation);
    }

    private APIGatewayProxyResponseEvent correct(TranslationId id, ProxyRequest request) {
        IfMatch ifMatch = IfMatch.parse(request.header("If-Match"));
        String translatedText = request.jsonObject().requiredString("translatedText");
        if (translatedText.getBytes(StandardCharsets.UTF_8).length > MAX_CORRECTION_BYTES) {
            throw HttpError.badRequest(
                    "translatedText must be at most " + MAX_CORRECTION_BYTES + " bytes of UTF-8");
        }
        return withEtag(200, store.correct(id, translatedText, ifMatch, now()));
    }

    private APIGatewayProxyResponseEvent delete(TranslationId id) {
        store.delete(id);
        return JsonResponse.noContent();
    }

    private static APIGatewayProxyResponseEvent withEtag(int status, Translation translation) {
        return JsonResponse.of(status, translation, Map.of("ETag", IfMatch.etag(translation.version())));
    }

    /** An id that cannot exist is simply not found: nothing to look up. */
    private static TranslationId existingId(String id) {
        return TranslationId.parse(id).orElseThrow(() -> new TranslationNotFound(id));
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String tableNameFromEnvironment() {
        String table = System.getenv("TABLE_NAME");
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("TABLE_NAME is not set: the function needs the name of its history table");
        }
        return table;
    }
}
