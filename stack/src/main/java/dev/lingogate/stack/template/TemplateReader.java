package dev.lingogate.stack.template;

import dev.lingogate.iam.policy.Effect;
import dev.lingogate.iam.policy.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SAM template (template.yaml) into what the local stack runs. Everything the app needs is
 * taken from the file: tables, functions, their environment, routes and policies.
 */
public final class TemplateReader {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final Set<String> APIS = Set.of("AWS::Serverless::Api", HTTP_API);

    private final String stackName;
    private final String region;
    private final String accountId;

    public TemplateReader(String stackName, String region, String accountId) {
        this.stackName = stackName;
        this.region = region;
        this.accountId = accountId;
    }

    public Template read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TemplateException("cannot read the template " + file + ": " + e.getMessage(), e);
        }
        Object document;
        try {
            document = CloudFormationYaml.parse(text);
        } catch (RuntimeException e) {
            throw new TemplateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("Resources") instanceof Map<?, ?> resources)) {
            throw new TemplateException(file + " has no Resources section");
        }
        return new Parse(file.toAbsolutePath().getParent(), asMap(root), asMap(resources)).template();
    }

    /** One reading of one template: the resources, and the names resolved so far. */
    private final class Parse {

        private final Path folder;
        private final Map<String, Object> root;
        private final Map<String, Object> resources;
        private final Map<String, String> physicalIds = new LinkedHashMap<>();
        private final Set<String> resolving = new HashSet<>();
        private final Intrinsics intrinsics = new Intrinsics(this::ref, this::getAtt);

        Parse(Path folder, Map<String, Object> root, Map<String, Object> resources) {
            this.folder = folder;
            this.root = root;
            this.resources = resources;
        }

        Template template() {
            List<TableSpec> tables = new ArrayList<>();
            List<FunctionSpec> functions = new ArrayList<>();
            List<ApiSpec> apis = new ArrayList<>();
            resources.forEach((logicalId, definition) -> {
                String type = typeOf(logicalId);
                if (type.equals(TABLE)) {
                    tables.add(table(logicalId));
                } else if (type.equals(FUNCTION)) {
                    functions.add(function(logicalId));
                } else if (APIS.contains(type)) {
                    apis.add(api(logicalId, type.equals(HTTP_API), properties(logicalId)));
                }
            });
            functions.stream().flatMap(f -> f.routes().stream()).map(RouteSpec::apiLogicalId).distinct()
                    .filter(id -> apis.stream().noneMatch(api -> api.logicalId().equals(id)))
                    .forEach(implicit -> apis.add(api(implicit, implicit.equals(ApiSpec.IMPLICIT_HTTP_API),
                            new LinkedHashMap<>())));
            return new Template(folder, stackName, region, accountId, List.copyOf(tables), List.copyOf(functions),
                    List.copyOf(apis));
        }

        /** An API, or SAM's implicit one (no properties of its own): Globals apply to both. */
        private ApiSpec api(String logicalId, boolean httpApi, Map<String, Object> properties) {
            Map<String, Object> merged = withGlobals(httpApi ? "HttpApi" : "Api", properties);
            return new ApiReader(logicalId, httpApi, asMap(intrinsics.resolve(merged))).read();
        }

        private TableSpec table(String logicalId) {
            Map<String, Object> input = asMap(intrinsics.resolve(properties(logicalId)));
            input.put("TableName", physicalId(logicalId));
            return new TableSpec(logicalId, physicalId(logicalId), input);
        }

        private FunctionSpec function(String logicalId) {
            Map<String, Object> properties = withGlobals("Function", properties(logicalId));
            String where = "Resources." + logicalId + ".Properties";
            String handler = requiredString(properties, "Handler", where);
            String runtime = requiredString(properties, "Runtime", where);
            String codeUri = requiredString(properties, "CodeUri", where);
            int memory = intProperty(properties, "MemorySize", 128, where);
            int timeout = intProperty(properties, "Timeout", 3, where);
            Integer reserved = properties.containsKey("ReservedConcurrentExecutions")
                    ? intProperty(properties, "ReservedConcurrentExecutions", 0, where) : null;
            Integer provisioned = properties.get("ProvisionedConcurrencyConfig") instanceof Map<?, ?> config
                    && config.containsKey("ProvisionedConcurrentExecutions")
                    ? intProperty(asMap(config), "ProvisionedConcurrentExecutions", 0, where + ".ProvisionedConcurrencyConfig")
                    : null;
            Map<String, String> environment = new LinkedHashMap<>();
            if (properties.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
                vars.forEach((name, value) -> environment.put(String.valueOf(name),
                        intrinsics.resolveString(value, where + ".Environment.Variables." + name)));
            }
            return new FunctionSpec(logicalId, physicalId(logicalId), handler, runtime, codeUri, memory, timeout, reserved,
                    provisioned, environment, policy(logicalId, properties.get("Policies")), routes(logicalId, properties.get("Events")));
        }

        private List<Statement> policy(String logicalId, Object policies) {
            List<Statement> statements = new ArrayList<>();
            if (policies == null) {
                return statements;
            }
            List<?> list = policies instanceof List<?> l ? l : List.of(policies);
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> map)) {
                    throw new TemplateException(logicalId + ": managed policy " + entry
                            + " is not supported locally; use a SAM policy template or an inline Statement");
                }
                Map<String, Object> resolved = asMap(intrinsics.resolve(entry));
                if (resolved.containsKey("Statement")) {
                    statements.addAll(inlineStatements(logicalId, resolved.get("Statement")));
                } else {
                    resolved.forEach((name, parameters) -> statements.add(PolicyTemplates.expand(name,
                            parameters instanceof Map<?, ?> p ? asMap(p) : Map.of(), this::tableArn, logicalId)));
                }
            }
            return statements;
        }

        private List<Statement> inlineStatements(String logicalId, Object value) {
            List<?> list = value instanceof List<?> l ? l : List.of(value);
            List<Statement> statements = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> statement)) {
                    throw new TemplateException(logicalId + ": a policy Statement must be a map, not " + item);
                }
                try {
                    statements.add(new Statement(Effect.parse(String.valueOf(statement.get("Effect"))),
                            strings(statement.get("Action")), strings(statement.get("Resource"))));
                } catch (IllegalArgumentException e) {
                    throw new TemplateException(logicalId + ": " + e.getMessage(), e);
                }
            }
            return statements;
        }

        private List<RouteSpec> routes(String logicalId, Object events) {
            List<RouteSpec> routes = new ArrayList<>();
            if (!(events instanceof Map<?, ?> map)) {
                return routes;
            }
            map.forEach((eventName, event) -> {
                Map<String, Object> definition = asMap(event);
                String type = String.valueOf(definition.get("Type"));
                if (!type.equals("Api") && !type.equals("HttpApi")) {
                    return;
                }
                String where = "Resources." + logicalId + ".Properties.Events." + eventName + ".Properties";
                Map<String, Object> written = asMap(definition.getOrDefault("Properties", Map.of()));
                Map<String, Object> properties = asMap(intrinsics.resolve(written));
                boolean httpApi = type.equals("HttpApi");
                String method = String.valueOf(properties.getOrDefault("Method", httpApi ? "ANY" : null));
                String path = requiredString(properties, "Path", where);
                String format = String.valueOf(properties.getOrDefault("PayloadFormatVersion", httpApi ? "2.0" : "1.0"));
                String api = apiOf(written.get(httpApi ? "ApiId" : "RestApiId"), httpApi, where);
                Map<String, Object> auth = TemplateValues.map(properties.get("Auth"), where + ".Auth");
                Object keyRequired = auth.get("ApiKeyRequired");
                Map<String, Object> apiProperties = apiProperties(api, httpApi);
                String apiWhere = "Resources." + api + ".Properties";
                RequestChecks checks = httpApi ? RequestChecks.NONE : new RequestChecksReader(where).read(properties,
                        TemplateValues.map(apiProperties.get("Models"), apiWhere + ".Models"), apiWhere);
                routes.add(new RouteSpec(method.toUpperCase(Locale.ROOT), path, httpApi, format, api,
                        keyRequired == null ? null : Boolean.valueOf(String.valueOf(keyRequired)),
                        authorizerOf(auth.get("Authorizer"), apiProperties, where + ".Auth.Authorizer", apiWhere),
                        checks, TemplateValues.strings(auth.get("AuthorizationScopes"))));
            });
            return routes;
        }

        /** An API's properties over its Globals, intrinsics resolved; SAM's implicit API has only the Globals. */
        private Map<String, Object> apiProperties(String apiLogicalId, boolean httpApi) {
            Map<String, Object> own = resources.containsKey(apiLogicalId) ? properties(apiLogicalId)
                    : new LinkedHashMap<>();
            return asMap(intrinsics.resolve(withGlobals(httpApi ? "HttpApi" : "Api", own)));
        }

        /** An event's {@code Auth.Authorizer}: {@code NONE}, or one of its API's {@code Auth.Authorizers}. */
        private static String authorizerOf(Object name, Map<String, Object> apiProperties, String at, String apiWhere) {
            if (name == null) {
                return null;
            }
            String text = String.valueOf(name);
            if (text.equals("NONE")) {
                return text;
            }
            if (text.equals("AWS_IAM")) {
                throw new TemplateException(at + ": AWS_IAM authorization is not supported by the local gateway");
            }
            Map<String, Object> authorizers = TemplateValues.map(TemplateValues.map(apiProperties.get("Auth"),
                    apiWhere + ".Auth").get("Authorizers"), apiWhere + ".Auth.Authorizers");
            if (!authorizers.containsKey(text)) {
                throw new TemplateException(at + " names " + text + ", which is not among " + apiWhere
                        + ".Auth.Authorizers " + authorizers.keySet());
            }
            return text;
        }

        /** The logical id an event's {@code RestApiId}/{@code ApiId} names ({@code !Ref MyApi}), or SAM's implicit API. */
        private String apiOf(Object reference, boolean httpApi, String where) {
            if (reference == null) {
                return httpApi ? ApiSpec.IMPLICIT_HTTP_API : ApiSpec.IMPLICIT_REST_API;
            }
            if (reference instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name && resources.containsKey(name)
                    && APIS.contains(typeOf(name))) {
                return name;
            }
            throw new TemplateException(where + (httpApi ? ".ApiId" : ".RestApiId")
                    + " must be !Ref of an API of this template, not " + reference);
        }

        /** The resource's properties over the template's {@code Globals} section of its kind. */
        private Map<String, Object> withGlobals(String section, Map<String, Object> properties) {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (root.get("Globals") instanceof Map<?, ?> globals && globals.get(section) instanceof Map<?, ?> global) {
                merged.putAll(asMap(global));
            }
            properties.forEach((key, value) -> merged.merge(key, value, Parse::mergeGlobal));
            return merged;
        }

        /** SAM merges maps key by key (Environment.Variables) and lets the function override scalars. */
        private static Object mergeGlobal(Object global, Object local) {
            if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
                Map<String, Object> merged = new LinkedHashMap<>(asMap(g));
                asMap(l).forEach((key, value) -> merged.merge(key, value, Parse::mergeGlobal));
                return merged;
            }
            return local;
        }

        private String ref(String name) {
            return switch (name) {
                case "AWS::Region" -> region;
                case "AWS::AccountId" -> accountId;
                case "AWS::StackName" -> stackName;
                case "AWS::Partition" -> "aws";
                case "AWS::URLSuffix" -> "amazonaws.com";
                case "AWS::NoValue" -> null;
                default -> resources.containsKey(name) ? physicalId(name) : parameter(name);
            };
        }

        private String parameter(String name) {
            if (root.get("Parameters") instanceof Map<?, ?> parameters && parameters.get(name) instanceof Map<?, ?> p
                    && p.containsKey("Default")) {
                return String.valueOf(p.get("Default"));
            }
            throw new TemplateException("Ref " + name + ": no resource or parameter with a Default of that name");
        }

        private String getAtt(String logicalId, String attribute) {
            String type = typeOf(logicalId);
            String name = physicalId(logicalId);
            return switch (type + "." + attribute) {
                case TABLE + ".Arn" -> tableArn(name);
                case FUNCTION + ".Arn" -> "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
                default -> throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute
                        + " is not supported locally");
            };
        }

        private String tableArn(String tableName) {
            return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
        }

        /** A resource's name: its explicit name property if it has one, else its logical id. */
        private String physicalId(String logicalId) {
            String known = physicalIds.get(logicalId);
            if (known != null) {
                return known;
            }
            if (!resolving.add(logicalId)) {
                throw new TemplateException("circular reference through " + logicalId);
            }
            String type = typeOf(logicalId);
            Map<String, Object> properties = properties(logicalId);
            Object explicit = switch (type) {
                case TABLE -> properties.get("TableName");
                case FUNCTION -> properties.get("FunctionName");
                default -> null;
            };
            String id;
            if (explicit != null) {
                id = intrinsics.resolveString(explicit, "Resources." + logicalId + ".Properties name");
            } else if (APIS.contains(type)) {
                id = Integer.toHexString(logicalId.hashCode() & 0x7fffffff);
            } else {
                id = logicalId;
            }
            resolving.remove(logicalId);
            physicalIds.put(logicalId, id);
            return id;
        }

        private String typeOf(String logicalId) {
            if (!(resources.get(logicalId) instanceof Map<?, ?> resource) || resource.get("Type") == null) {
                throw new TemplateException("Resources." + logicalId + " has no Type");
            }
            return String.valueOf(resource.get("Type"));
        }

        private Map<String, Object> properties(String logicalId) {
            Object properties = asMap(resources.get(logicalId)).get("Properties");
            return properties == null ? new LinkedHashMap<>() : asMap(properties);
        }

        private String requiredString(Map<String, Object> properties, String name, String where) {
            Object value = properties.get(name);
            if (value == null) {
                throw new TemplateException(where + "." + name + " is required");
            }
            return intrinsics.resolveString(value, where + "." + name);
        }

        private int intProperty(Map<String, Object> properties, String name, int defaultValue, String where) {
            Object value = properties.get(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Integer.parseInt(intrinsics.resolveString(value, where + "." + name));
            } catch (NumberFormatException e) {
                throw new TemplateException(where + "." + name + " must be a whole number, not " + value, e);
            }
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new TemplateException("expected a map, found " + value);
    }
}
