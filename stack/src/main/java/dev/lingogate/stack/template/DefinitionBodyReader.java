package dev.lingogate.stack.template;

import static dev.lingogate.stack.template.TemplateValues.integer;
import static dev.lingogate.stack.template.TemplateValues.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the operations of an API's OpenAPI {@code DefinitionBody} that carry an
 * {@code x-amazon-apigateway-integration}. The local gateway forwards {@code http_proxy}
 * integrations to the service they name; it refuses every other integration type by name, so that
 * a template does not run locally with a route missing. Operations without an integration are left
 * to the functions' events, which SAM merges into the same document.
 */
final class DefinitionBodyReader {

    private static final String INTEGRATION = "x-amazon-apigateway-integration";
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            ANY_METHOD);

    private static final int MIN_TIMEOUT_MILLIS = 50;
    private static final int MAX_TIMEOUT_MILLIS = 29_000;

    private final String where;

    DefinitionBodyReader(String where) {
        this.where = where;
    }

    List<ProxyRouteSpec> proxyRoutes(Object definitionBody) {
        List<ProxyRouteSpec> routes = new ArrayList<>();
        map(map(definitionBody, where).get("paths"), where + ".paths").forEach((path, item) ->
                map(item, where + ".paths." + path).forEach((method, operation) -> {
                    if (!METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                        return;
                    }
                    String at = where + ".paths." + path + "." + method;
                    Map<String, Object> integration = map(map(operation, at).get(INTEGRATION), at + "." + INTEGRATION);
                    if (!integration.isEmpty()) {
                        routes.add(proxyRoute(method, path, integration, at + "." + INTEGRATION));
                    }
                }));
        return routes;
    }

    private static ProxyRouteSpec proxyRoute(String method, String path, Map<String, Object> integration, String at) {
        String type = String.valueOf(integration.get("type"));
        if (!type.equalsIgnoreCase("http_proxy")) {
            throw new TemplateException(at + ".type " + type + " is not supported by the local gateway, "
                    + "which forwards only http_proxy integrations; route the operation to a function with an Api "
                    + "or HttpApi event instead");
        }
        if (integration.get("uri") == null) {
            throw new TemplateException(at + ".uri is required for an http_proxy integration");
        }
        Object httpMethod = integration.get("httpMethod");
        Object timeout = integration.get("timeoutInMillis");
        return new ProxyRouteSpec(method.equalsIgnoreCase(ANY_METHOD) ? "ANY" : method.toUpperCase(Locale.ROOT), path,
                String.valueOf(integration.get("uri")), httpMethod == null ? null : String.valueOf(httpMethod),
                timeout == null ? null : timeoutMillis(String.valueOf(timeout), at + ".timeoutInMillis"), at);
    }

    /** API Gateway takes integration timeouts from 50 ms up to its default limit of 29 seconds. */
    private static int timeoutMillis(String text, String at) {
        int millis = integer(text, at);
        if (millis < MIN_TIMEOUT_MILLIS || millis > MAX_TIMEOUT_MILLIS) {
            throw new TemplateException(at + " must be between " + MIN_TIMEOUT_MILLIS + " and " + MAX_TIMEOUT_MILLIS
                    + ", not " + millis);
        }
        return millis;
    }
}
