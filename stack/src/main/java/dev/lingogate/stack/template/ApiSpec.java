package dev.lingogate.stack.template;

import dev.lingogate.gateway.admission.MethodThrottle;
import dev.lingogate.gateway.admission.UsagePlan;
import dev.lingogate.gateway.authorization.Authorizer;
import dev.lingogate.gateway.cors.CorsConfiguration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Api} or {@code AWS::Serverless::HttpApi}: what it says beyond its routes.
 * Events that name no API belong to the one SAM makes for them, {@link #IMPLICIT_REST_API} or
 * {@link #IMPLICIT_HTTP_API}, which takes its settings from the template's {@code Globals} alone.
 *
 * @param cors null when the API has no CORS settings
 * @param apiKeyRequired whether its routes need a key unless an event says otherwise ({@code Auth.ApiKeyRequired})
 * @param usagePlan the plan SAM creates for it ({@code Auth.UsagePlan}); null for none
 * @param methodThrottling {@code MethodSettings} (Api) or {@code DefaultRouteSettings}/{@code RouteSettings} (HttpApi)
 * @param accessLogFormat {@code AccessLogSetting(s).Format}; null for the gateway's default
 * @param authorizers {@code Auth.Authorizers} by name, in the template's order
 * @param defaultAuthorizer {@code Auth.DefaultAuthorizer}; null for none
 * @param stageVariables an Api's {@code Variables}, an HttpApi's {@code StageVariables}
 * @param binaryMediaTypes an Api's {@code BinaryMediaTypes}, with {@code /} in place of SAM's {@code ~1}
 * @param proxyRoutes the {@code http_proxy} operations of its {@code DefinitionBody}
 * @param preflightNeedsApiKey whether its CORS preflights need an API key: SAM puts the key on the
 *     OPTIONS methods of an Api with {@code Cors} and {@code Auth.ApiKeyRequired} unless
 *     {@code Auth.AddApiKeyRequiredToCorsPreflight} is false
 */
public record ApiSpec(String logicalId, boolean httpApi, String stageName, CorsConfiguration cors,
        boolean apiKeyRequired, UsagePlan usagePlan, List<MethodThrottle> methodThrottling, String accessLogFormat,
        Map<String, Authorizer> authorizers, String defaultAuthorizer, Map<String, String> stageVariables,
        List<String> binaryMediaTypes, List<ProxyRouteSpec> proxyRoutes, boolean preflightNeedsApiKey) {

    /** SAM's names for the APIs it creates when events name none. */
    public static final String IMPLICIT_REST_API = "ServerlessRestApi";
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    public ApiSpec {
        methodThrottling = List.copyOf(methodThrottling);
        authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
        stageVariables = Map.copyOf(stageVariables);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        proxyRoutes = List.copyOf(proxyRoutes);
    }
}
