package dev.lingogate.stack.wiring;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.ApiSettings;
import dev.lingogate.gateway.GatewayOptions;
import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.admission.ApiKeyFile;
import dev.lingogate.stack.template.ApiSpec;
import dev.lingogate.stack.template.FunctionSpec;
import dev.lingogate.stack.template.RouteSpec;
import dev.lingogate.stack.template.Template;
import dev.lingogate.stack.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway as the template defines it: the routes of every function's events, and the settings
 * of the API they belong to (stage, CORS, API keys, usage plan, throttling, access log format).
 */
record GatewayConfiguration(GatewayOptions options, List<Route> routes, ApiSettings settings) {

    /**
     * @throws TemplateException when routes belong to more than one API: one local gateway serves one
     */
    static GatewayConfiguration of(Template template, StackOptions stack) {
        List<String> apiIds = template.functions().stream().flatMap(f -> f.routes().stream())
                .map(RouteSpec::apiLogicalId).distinct().toList();
        if (apiIds.size() > 1) {
            throw new TemplateException("the local gateway serves one API, and the template's events name "
                    + String.join(", ", apiIds) + "; give every event the same RestApiId or ApiId");
        }
        Optional<ApiSpec> api = apiIds.stream().findFirst().map(template::api);
        List<Route> routes = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            for (RouteSpec spec : function.routes()) {
                Route route = new Route(spec.method(), spec.path(), function.functionName(),
                        spec.payloadFormatVersion().equals("2.0") ? PayloadFormat.V2 : PayloadFormat.V1);
                routes.add(spec.needsApiKey(api.orElseThrow()) ? route.requiringApiKey() : route);
            }
        }
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
                    .withUsagePlans(spec.usagePlan() == null ? List.of() : List.of(spec.usagePlan()));
        }
        if (routes.stream().anyMatch(Route::apiKeyRequired)) {
            settings = settings.withApiKeys(ApiKeyFile.open(StackOptions.apiKeyDirectory(stack.dataDir())));
        }
        return new GatewayConfiguration(options, routes, settings);
    }
}
