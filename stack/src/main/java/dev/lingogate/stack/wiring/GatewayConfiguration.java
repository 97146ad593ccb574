package dev.lingogate.stack.wiring;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.ApiSettings;
import dev.lingogate.gateway.GatewayOptions;
import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.admission.ApiKeyFile;
import dev.lingogate.gateway.integration.HttpProxyTarget;
import dev.lingogate.gateway.validation.RequestValidation;
import dev.lingogate.stack.template.ApiSpec;
import dev.lingogate.stack.template.FunctionSpec;
import dev.lingogate.stack.template.ProxyRouteSpec;
import dev.lingogate.stack.template.RequestChecks;
import dev.lingogate.stack.template.RouteSpec;
import dev.lingogate.stack.template.Template;
import dev.lingogate.stack.template.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gateway as the template defines it: the routes of every function's events, and the settings
 * of the API they belong to (stage, CORS, API keys, usage plan, throttling, access log format,
 * authorizers, stage variables, binary media types), and the {@code http_proxy} routes of its definition.
 */
record GatewayConfiguration(GatewayOptions options, List<Route> routes, ApiSettings settings) {

    /**
     * @throws TemplateException when routes belong to more than one API: one local gateway serves one
     */
    static GatewayConfiguration of(Template template, StackOptions stack) {
        List<String> apiIds = Stream.concat(template.functions().stream().flatMap(f -> f.routes().stream())
                .map(RouteSpec::apiLogicalId), template.apis().stream().filter(a -> !a.proxyRoutes().isEmpty())
                .map(ApiSpec::logicalId)).distinct().toList();
        if (apiIds.size() > 1) {
            throw new TemplateException("the local gateway serves one API, and the template's events and "
                    + "definitions name " + String.join(", ", apiIds)
                    + "; give every event the same RestApiId or ApiId");
        }
        Optional<ApiSpec> api = apiIds.stream().findFirst().map(template::api);
        List<Route> routes = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            for (RouteSpec spec : function.routes()) {
                Route route = new Route(spec.method(), spec.path(), function.functionName(),
                        spec.payloadFormatVersion().equals("2.0") ? PayloadFormat.V2 : PayloadFormat.V1)
                        .withAuthorizer(spec.authorizer()).withAuthorizationScopes(spec.authorizationScopes())
                        .withValidation(validation(spec.checks()));
                routes.add(spec.needsApiKey(api.orElseThrow()) ? route.requiringApiKey() : route);
            }
        }
        api.ifPresent(spec -> spec.proxyRoutes().forEach(proxy -> routes.add(proxyRoute(proxy, spec.httpApi()))));
        GatewayOptions options = new GatewayOptions(stack.host(), stack.gatewayPort(), stack.webRoot(),
                api.filter(ApiSpec::httpApi).isPresent() ? ApiKind.HTTP : ApiKind.REST,
                api.map(ApiSpec::stageName).orElse("Prod"), GatewayOptions.TEN_MEGABYTES,
                GatewayOptions.TWENTY_NINE_SECONDS)
                .withAdminPort(stack.metricsPort())
                .withAccessLogFormat(api.map(ApiSpec::accessLogFormat).orElse(null));
        ApiSettings settings = ApiSettings.none();
        if (api.isPresent()) {
            ApiSpec spec = api.get();
            settings = settings.withCors(spec.cors()).withMethodThrottling(spec.methodThrottling())
                    .withUsagePlans(spec.usagePlan() == null ? List.of() : List.of(spec.usagePlan()))
                    .withAuthorizers(spec.authorizers(), spec.defaultAuthorizer())
                    .withStageVariables(spec.stageVariables()).withBinaryMediaTypes(spec.binaryMediaTypes())
                    .withApiKeyOnPreflight(spec.preflightNeedsApiKey());
        }
        if (routes.stream().anyMatch(Route::apiKeyRequired) || settings.preflightNeedsApiKey()) {
            settings = settings.withApiKeys(ApiKeyFile.open(StackOptions.apiKeyDirectory(stack.dataDir())));
        }
        return new GatewayConfiguration(options, routes, settings);
    }

    private static RequestValidation validation(RequestChecks checks) {
        RequestValidation validation = RequestValidation.requiringParameters(checks.enforcedParameters());
        return checks.bodyModel() == null ? validation : validation.withBodyModel(checks.bodyModel());
    }

    /** An {@code http_proxy} operation of the API's {@code DefinitionBody}. */
    private static Route proxyRoute(ProxyRouteSpec proxy, boolean httpApi) {
        try {
            return Route.httpProxy(proxy.method(), proxy.path(), new HttpProxyTarget(proxy.uri(), proxy.httpMethod(),
                    proxy.timeoutMillis() == null ? null : Duration.ofMillis(proxy.timeoutMillis())),
                    httpApi ? PayloadFormat.V2 : PayloadFormat.V1);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(proxy.where() + ": " + e.getMessage(), e);
        }
    }
}
