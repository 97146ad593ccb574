package dev.lingogate.stack.template;

import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.authorization.Authorizer;
import dev.lingogate.gateway.authorization.IdentitySource;
import dev.lingogate.gateway.authorization.JwtAuthorizer;
import dev.lingogate.gateway.authorization.LambdaAuthorizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an API's {@code Auth.Authorizers} the way SAM documents them: for an Api, Lambda
 * authorizers of payload type TOKEN or REQUEST; for an HttpApi, Lambda authorizers and JWT
 * authorizers ({@code JwtConfiguration}).
 *
 * <p>A JWT issuer's keys are where AWS fetches them, {@code <issuer>/.well-known/jwks.json}; SAM
 * has no property naming another place. The local stack reaches only 127.0.0.1, so locally the
 * issuer must be an http URL on 127.0.0.1 (or localhost) serving that document.
 */
final class AuthorizerReader {

    /** Where SAM's Lambda authorizers look for the token when {@code Identity.Header} is not given. */
    private static final String DEFAULT_TOKEN_HEADER = "Authorization";
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

    private final boolean httpApi;
    private final String where;

    /** @param where the path of the API's {@code Auth}, for messages */
    AuthorizerReader(boolean httpApi, String where) {
        this.httpApi = httpApi;
        this.where = where;
    }

    /** The authorizers by name, in the template's order. */
    Map<String, Authorizer> authorizers(Map<String, Object> auth) {
        Map<String, Authorizer> authorizers = new LinkedHashMap<>();
        TemplateValues.map(auth.get("Authorizers"), where + ".Authorizers").forEach((name, definition) -> {
            String at = where + ".Authorizers." + name;
            Map<String, Object> properties = TemplateValues.map(definition, at);
            try {
                authorizers.put(name, authorizer(properties, at));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(at + ": " + e.getMessage(), e);
            }
        });
        return authorizers;
    }

    /**
     * {@code Auth.DefaultAuthorizer}: the authorizer of routes that name none; null for none.
     *
     * @throws TemplateException when it names no authorizer of the API
     */
    String defaultAuthorizer(Map<String, Object> auth, Map<String, Authorizer> authorizers) {
        Object name = auth.get("DefaultAuthorizer");
        if (name == null) {
            return null;
        }
        String text = String.valueOf(name);
        if (!authorizers.containsKey(text)) {
            throw new TemplateException(where + ".DefaultAuthorizer names " + text + ", which is not among "
                    + where + ".Authorizers " + authorizers.keySet());
        }
        return text;
    }

    private Authorizer authorizer(Map<String, Object> properties, String at) {
        if (properties.containsKey("UserPoolArn")) {
            throw new TemplateException(at + ": Cognito user pool authorizers are not supported by the local gateway");
        }
        if (httpApi && properties.containsKey("JwtConfiguration")) {
            return jwt(properties, at);
        }
        if (!properties.containsKey("FunctionArn")) {
            throw new TemplateException(at + ".FunctionArn is required"
                    + (httpApi ? " (or JwtConfiguration for a JWT authorizer)" : ""));
        }
        String function = functionName(properties.get("FunctionArn"), at + ".FunctionArn");
        Map<String, Object> identity = TemplateValues.map(properties.get("Identity"), at + ".Identity");
        return httpApi ? httpApiLambda(function, properties, identity, at)
                : restApiLambda(function, properties, identity, at);
    }

    private LambdaAuthorizer restApiLambda(String function, Map<String, Object> properties,
            Map<String, Object> identity, String at) {
        Duration ttl = ttl(identity.get("ReauthorizeEvery"), at + ".Identity.ReauthorizeEvery");
        String payloadType = String.valueOf(properties.getOrDefault("FunctionPayloadType", "TOKEN"))
                .toUpperCase(Locale.ROOT);
        switch (payloadType) {
            case "TOKEN" -> {
                Object header = identity.get("Header");
                LambdaAuthorizer token = LambdaAuthorizer.token(function,
                        header == null ? DEFAULT_TOKEN_HEADER : String.valueOf(header), ttl);
                Object expression = identity.get("ValidationExpression");
                return expression == null ? token : token.withTokenValidation(String.valueOf(expression));
            }
            case "REQUEST" -> {
                return LambdaAuthorizer.request(function, requestSources(identity, at + ".Identity"), ttl);
            }
            default -> throw new TemplateException(at + ".FunctionPayloadType must be TOKEN or REQUEST, not "
                    + payloadType);
        }
    }

    private LambdaAuthorizer httpApiLambda(String function, Map<String, Object> properties,
            Map<String, Object> identity, String at) {
        Object version = properties.get("AuthorizerPayloadFormatVersion");
        if (version == null) {
            throw new TemplateException(at + ".AuthorizerPayloadFormatVersion is required (1.0 or 2.0)");
        }
        PayloadFormat format = switch (String.valueOf(version)) {
            case "1.0", "1" -> PayloadFormat.V1;
            case "2.0", "2" -> PayloadFormat.V2;
            default -> throw new TemplateException(at + ".AuthorizerPayloadFormatVersion must be 1.0 or 2.0, not "
                    + version);
        };
        boolean simple = TemplateValues.bool(properties.get("EnableSimpleResponses"), at + ".EnableSimpleResponses");
        return LambdaAuthorizer.httpApi(function, format, simple, requestSources(identity, at + ".Identity"),
                ttl(identity.get("ReauthorizerEvery"), at + ".Identity.ReauthorizerEvery"));
    }

    /** {@code Identity.Headers}, {@code QueryStrings} and {@code StageVariables}, as names. */
    private static List<IdentitySource> requestSources(Map<String, Object> identity, String at) {
        List<IdentitySource> sources = new ArrayList<>();
        TemplateValues.strings(identity.get("Headers")).forEach(h -> sources.add(IdentitySource.header(h)));
        TemplateValues.strings(identity.get("QueryStrings")).forEach(q -> sources.add(IdentitySource.queryString(q)));
        TemplateValues.strings(identity.get("StageVariables"))
                .forEach(v -> sources.add(IdentitySource.parse("stageVariables." + v)));
        if (identity.containsKey("Context")) {
            throw new TemplateException(at + ".Context identity sources are not supported by the local gateway");
        }
        return sources;
    }

    private JwtAuthorizer jwt(Map<String, Object> properties, String at) {
        Map<String, Object> configuration = TemplateValues.map(properties.get("JwtConfiguration"),
                at + ".JwtConfiguration");
        Object issuer = configuration.get("issuer");
        if (issuer == null) {
            throw new TemplateException(at + ".JwtConfiguration.issuer is required");
        }
        List<String> audiences = TemplateValues.strings(configuration.get("audience"));
        if (audiences.isEmpty()) {
            throw new TemplateException(at + ".JwtConfiguration.audience is required");
        }
        URI keys = jwksOf(String.valueOf(issuer), at + ".JwtConfiguration.issuer");
        Object source = properties.get("IdentitySource");
        IdentitySource identity = source == null ? null : IdentitySource.parse(String.valueOf(source));
        return new JwtAuthorizer(String.valueOf(issuer), audiences, null, keys, identity,
                TemplateValues.strings(properties.get("AuthorizationScopes")));
    }

    /** Where AWS fetches an issuer's keys, which the local gateway can reach only on this machine. */
    private static URI jwksOf(String issuer, String at) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new TemplateException(at + " must be a URL, not " + issuer, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || !LOCAL_HOSTS.contains(uri.getHost())) {
            throw new TemplateException(at + " must be an http URL on 127.0.0.1 locally, whose "
                    + "/.well-known/jwks.json the gateway reads, not " + issuer);
        }
        return URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
    }

    /** {@code !GetAtt Fn.Arn} resolves to the function's ARN; the host knows functions by name. */
    private static String functionName(Object arn, String at) {
        String text = String.valueOf(arn);
        int name = text.indexOf(":function:");
        if (!text.startsWith("arn:") || name < 0) {
            throw new TemplateException(at + " must be the ARN of a function of this template (!GetAtt Fn.Arn), not "
                    + text);
        }
        String rest = text.substring(name + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }

    /** {@code ReauthorizeEvery} in seconds: 300 when not given, 0 for no caching, at most 3600. */
    private static Duration ttl(Object seconds, String at) {
        if (seconds == null) {
            return LambdaAuthorizer.DEFAULT_TTL;
        }
        int value = TemplateValues.integer(String.valueOf(seconds), at);
        if (value < 0 || value > 3600) {
            throw new TemplateException(at + " must be between 0 and 3600 seconds, not " + value);
        }
        return Duration.ofSeconds(value);
    }
}
