package dev.lingogate.stack.template;

import static dev.lingogate.stack.template.TemplateValues.bool;
import static dev.lingogate.stack.template.TemplateValues.decimal;
import static dev.lingogate.stack.template.TemplateValues.integer;
import static dev.lingogate.stack.template.TemplateValues.map;
import static dev.lingogate.stack.template.TemplateValues.strings;

import dev.lingogate.gateway.admission.MethodThrottle;
import dev.lingogate.gateway.admission.Quota;
import dev.lingogate.gateway.admission.QuotaPeriod;
import dev.lingogate.gateway.admission.Throttle;
import dev.lingogate.gateway.admission.UsagePlan;
import dev.lingogate.gateway.authorization.Authorizer;
import dev.lingogate.gateway.cors.CorsConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the properties of one {@code AWS::Serverless::Api} or {@code AWS::Serverless::HttpApi}
 * (intrinsic functions already resolved) the way SAM expands them.
 */
final class ApiReader {

    /** API Gateway's account-level limits, which apply where a setting gives only one of the two. */
    private static final double ACCOUNT_RATE_LIMIT = 10_000;
    private static final int ACCOUNT_BURST_LIMIT = 5_000;

    private final String logicalId;
    private final boolean httpApi;
    private final Map<String, Object> properties;
    private final String where;

    ApiReader(String logicalId, boolean httpApi, Map<String, Object> properties) {
        this.logicalId = logicalId;
        this.httpApi = httpApi;
        this.properties = properties;
        this.where = "Resources." + logicalId + ".Properties";
    }

    ApiSpec read() {
        Map<String, Object> auth = map(properties.get("Auth"), where + ".Auth");
        String stage = properties.containsKey("StageName") ? String.valueOf(properties.get("StageName"))
                : httpApi ? "$default" : "Prod";
        AuthorizerReader authorizerReader = new AuthorizerReader(httpApi, where + ".Auth");
        Map<String, Authorizer> authorizers = authorizerReader.authorizers(auth);
        CorsConfiguration cors = httpApi ? httpApiCors() : restApiCors();
        boolean apiKeyRequired = bool(auth.get("ApiKeyRequired"), where + ".Auth.ApiKeyRequired");
        return new ApiSpec(logicalId, httpApi, stage, cors, apiKeyRequired, usagePlan(auth),
                httpApi ? routeSettings() : methodSettings(), accessLogFormat(), authorizers,
                authorizerReader.defaultAuthorizer(auth, authorizers), stageVariables(), binaryMediaTypes(),
                new DefinitionBodyReader(where + ".DefinitionBody").proxyRoutes(properties.get("DefinitionBody")),
                !httpApi && cors != null && apiKeyRequired && preflightKeyAdded(auth));
    }

    /** {@code Auth.AddApiKeyRequiredToCorsPreflight}, true unless the template says false, as SAM defaults it. */
    private boolean preflightKeyAdded(Map<String, Object> auth) {
        Object added = auth.get("AddApiKeyRequiredToCorsPreflight");
        return added == null || bool(added, where + ".Auth.AddApiKeyRequiredToCorsPreflight");
    }

    /** An Api's {@code Variables}, an HttpApi's {@code StageVariables}. */
    private Map<String, String> stageVariables() {
        String name = httpApi ? "StageVariables" : "Variables";
        Map<String, String> variables = new LinkedHashMap<>();
        map(properties.get(name), where + "." + name)
                .forEach((key, value) -> variables.put(key, String.valueOf(value)));
        return variables;
    }

    /** An Api's {@code BinaryMediaTypes}, each {@code /} written {@code ~1} as SAM asks: {@code image~1png}. */
    private List<String> binaryMediaTypes() {
        return strings(properties.get("BinaryMediaTypes")).stream().map(type -> type.replace("~1", "/")).toList();
    }

    /**
     * An Api's {@code Cors}: a quoted origin ({@code "'*'"}) or a map of quoted values, each a
     * header value as API Gateway's mock integration writes it.
     */
    private CorsConfiguration restApiCors() {
        Object cors = properties.get("Cors");
        if (cors == null) {
            return null;
        }
        if (!(cors instanceof Map<?, ?>)) {
            return new CorsConfiguration(List.of(unquote(cors, where + ".Cors")), List.of(), List.of(), List.of(),
                    null, false);
        }
        Map<String, Object> settings = map(cors, where + ".Cors");
        String at = where + ".Cors.";
        if (!settings.containsKey("AllowOrigin")) {
            throw new TemplateException(at + "AllowOrigin is required");
        }
        String maxAge = settings.containsKey("MaxAge") ? unquote(settings.get("MaxAge"), at + "MaxAge") : null;
        return new CorsConfiguration(List.of(unquote(settings.get("AllowOrigin"), at + "AllowOrigin")),
                commaList(settings.get("AllowMethods"), at + "AllowMethods"),
                commaList(settings.get("AllowHeaders"), at + "AllowHeaders"), List.of(),
                maxAge == null ? null : integer(maxAge, at + "MaxAge"),
                bool(settings.get("AllowCredentials"), at + "AllowCredentials"));
    }

    /** An HttpApi's {@code CorsConfiguration}: {@code true} for anything, or a map of lists. */
    private CorsConfiguration httpApiCors() {
        Object cors = properties.get("CorsConfiguration");
        if (cors == null || Boolean.FALSE.equals(cors) || "false".equals(cors)) {
            return null;
        }
        if (Boolean.TRUE.equals(cors) || "true".equals(cors)) {
            return CorsConfiguration.allowingAnyOrigin();
        }
        Map<String, Object> settings = map(cors, where + ".CorsConfiguration");
        String at = where + ".CorsConfiguration.";
        Object maxAge = settings.get("MaxAge");
        return new CorsConfiguration(strings(settings.get("AllowOrigins")), strings(settings.get("AllowMethods")),
                strings(settings.get("AllowHeaders")), strings(settings.get("ExposeHeaders")),
                maxAge == null ? null : integer(String.valueOf(maxAge), at + "MaxAge"),
                bool(settings.get("AllowCredentials"), at + "AllowCredentials"));
    }

    /**
     * {@code Auth.UsagePlan}: SAM creates {@code <Api>UsagePlan} for PER_API and one
     * {@code ServerlessUsagePlan} shared by every API for SHARED; NONE creates nothing.
     */
    private UsagePlan usagePlan(Map<String, Object> auth) {
        Map<String, Object> plan = map(auth.get("UsagePlan"), where + ".Auth.UsagePlan");
        String at = where + ".Auth.UsagePlan.";
        String creation = String.valueOf(plan.getOrDefault("CreateUsagePlan", "NONE")).toUpperCase(Locale.ROOT);
        String id = switch (creation) {
            case "NONE" -> null;
            case "PER_API" -> logicalId + "UsagePlan";
            case "SHARED" -> "ServerlessUsagePlan";
            default -> throw new TemplateException(at + "CreateUsagePlan must be PER_API, SHARED or NONE, not "
                    + creation);
        };
        if (id == null) {
            return null;
        }
        Map<String, Object> throttle = map(plan.get("Throttle"), at + "Throttle");
        Map<String, Object> quota = map(plan.get("Quota"), at + "Quota");
        return new UsagePlan(id,
                throttle.isEmpty() ? null : throttle(throttle.get("RateLimit"), throttle.get("BurstLimit"), at + "Throttle"),
                quota.isEmpty() ? null : quota(quota, at + "Quota."));
    }

    private Quota quota(Map<String, Object> quota, String at) {
        if (!quota.containsKey("Limit") || !quota.containsKey("Period")) {
            throw new TemplateException(at + "Limit and " + at + "Period are both required");
        }
        String period = String.valueOf(quota.get("Period")).toUpperCase(Locale.ROOT);
        try {
            return new Quota(integer(String.valueOf(quota.get("Limit")), at + "Limit"), QuotaPeriod.valueOf(period));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(at + "Period must be DAY, WEEK or MONTH, not " + period, e);
        }
    }

    /**
     * An Api's {@code MethodSettings}: {@code ResourcePath} is {@code /*} for every path, or a {@code /}
     * and then the path with each of its own {@code /} escaped as {@code ~1} ({@code /~1items~1{id}}).
     */
    private List<MethodThrottle> methodSettings() {
        List<MethodThrottle> throttles = new ArrayList<>();
        Object settings = properties.get("MethodSettings");
        if (settings == null) {
            return throttles;
        }
        if (!(settings instanceof List<?> list)) {
            throw new TemplateException(where + ".MethodSettings must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = where + ".MethodSettings[" + i + "]";
            Map<String, Object> setting = map(list.get(i), at);
            if (!setting.containsKey("ThrottlingRateLimit") && !setting.containsKey("ThrottlingBurstLimit")) {
                continue;
            }
            String resourcePath = String.valueOf(setting.getOrDefault("ResourcePath", "/*"));
            String path = resourcePath.equals("/*") || !resourcePath.startsWith("/")
                    ? resourcePath : resourcePath.substring(1).replace("~1", "/");
            throttles.add(new MethodThrottle(path, String.valueOf(setting.getOrDefault("HttpMethod", "*")),
                    throttle(setting.get("ThrottlingRateLimit"), setting.get("ThrottlingBurstLimit"), at)));
        }
        return throttles;
    }

    /** An HttpApi's {@code DefaultRouteSettings} (every route) and {@code RouteSettings} (by route key). */
    private List<MethodThrottle> routeSettings() {
        List<MethodThrottle> throttles = new ArrayList<>();
        Map<String, Object> defaults = map(properties.get("DefaultRouteSettings"), where + ".DefaultRouteSettings");
        if (defaults.containsKey("ThrottlingRateLimit") || defaults.containsKey("ThrottlingBurstLimit")) {
            throttles.add(MethodThrottle.stage(throttle(defaults.get("ThrottlingRateLimit"),
                    defaults.get("ThrottlingBurstLimit"), where + ".DefaultRouteSettings")));
        }
        map(properties.get("RouteSettings"), where + ".RouteSettings").forEach((routeKey, value) -> {
            String at = where + ".RouteSettings." + routeKey;
            Map<String, Object> setting = map(value, at);
            String[] parts = routeKey.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new TemplateException(at + ": a route key is a method and a path, such as 'GET /items'");
            }
            String method = parts[0].equals("ANY") ? "*" : parts[0];
            throttles.add(new MethodThrottle(parts[1], method, throttle(setting.get("ThrottlingRateLimit"),
                    setting.get("ThrottlingBurstLimit"), at)));
        });
        return throttles;
    }

    private String accessLogFormat() {
        Object setting = properties.get(httpApi ? "AccessLogSettings" : "AccessLogSetting");
        Object format = map(setting, where + ".AccessLogSetting").get("Format");
        return format == null ? null : String.valueOf(format);
    }

    private static Throttle throttle(Object rate, Object burst, String at) {
        double rateLimit = rate == null ? ACCOUNT_RATE_LIMIT : decimal(String.valueOf(rate), at + ".RateLimit");
        int burstLimit = burst == null ? ACCOUNT_BURST_LIMIT : integer(String.valueOf(burst), at + ".BurstLimit");
        try {
            return new Throttle(rateLimit, burstLimit);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(at + ": " + e.getMessage(), e);
        }
    }

    /** SAM's Cors values are header values in single quotes: {@code "'GET,POST'"}. */
    private static String unquote(Object value, String at) {
        String text = String.valueOf(value).trim();
        if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            throw new TemplateException(at + " must be a quoted header value such as \"'*'\", not " + text);
        }
        return text.substring(1, text.length() - 1);
    }

    private static List<String> commaList(Object value, String at) {
        return value == null ? List.of()
                : Arrays.stream(unquote(value, at).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
