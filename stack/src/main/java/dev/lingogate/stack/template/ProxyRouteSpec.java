package dev.lingogate.stack.template;

/**
 * One operation of an API's {@code DefinitionBody} integrated as {@code http_proxy}: requests to it
 * are forwarded to another HTTP service.
 *
 * @param method upper case, or {@code ANY} for {@code x-amazon-apigateway-any-method}
 * @param uri the integration's {@code uri}, which may name the path's variables
 * @param httpMethod the integration's {@code httpMethod}; null to forward with the request's own
 * @param timeoutMillis the integration's {@code timeoutInMillis}; null for the gateway's default
 * @param where the operation's path in the template, for messages
 */
public record ProxyRouteSpec(String method, String path, String uri, String httpMethod, Integer timeoutMillis,
        String where) {
}
