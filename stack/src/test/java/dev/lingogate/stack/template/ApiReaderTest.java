package dev.lingogate.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.lingogate.gateway.admission.MethodThrottle;
import dev.lingogate.gateway.admission.QuotaPeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The APIs of a template as SAM expands them: stage, CORS, keys, usage plans, throttling, access log. */
class ApiReaderTest {

    private static final TemplateReader READER = new TemplateReader("lingogate", "us-east-1", "000000000000");

    @TempDir
    Path dir;

    @Test
    void anApiWithKeysUsagePlanCorsThrottlingAndAccessLogIsReadAsSamExpandsIt() throws IOException {
        Template template = read("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                      Cors:
                        AllowOrigin: "'https://app.example.com'"
                        AllowMethods: "'GET, POST'"
                        AllowHeaders: "'Content-Type,X-Api-Key'"
                        MaxAge: "'600'"
                      Auth:
                        ApiKeyRequired: true
                        UsagePlan:
                          CreateUsagePlan: PER_API
                          Throttle: {RateLimit: 50, BurstLimit: 100}
                          Quota: {Limit: 1000, Period: DAY}
                      MethodSettings:
                        - {ResourcePath: "/*", HttpMethod: "*", ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400}
                        - {ResourcePath: "/~1items~1{id}", HttpMethod: GET, ThrottlingRateLimit: 5}
                        - {ResourcePath: "/*", HttpMethod: "*", MetricsEnabled: true}
                      AccessLogSetting:
                        DestinationArn: arn:aws:logs:us-east-1:000000000000:log-group:api
                        Format: $context.requestId $context.status
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Guarded: {Type: Api, Properties: {RestApiId: !Ref Api, Path: "/items/{id}", Method: get}}
                        Open:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: /health, Method: get, Auth: {ApiKeyRequired: false}}
                """);

        ApiSpec api = template.api("Api");
        assertThat(api.httpApi()).isFalse();
        assertThat(api.stageName()).isEqualTo("v1");
        assertThat(api.cors().allowOrigins()).containsExactly("https://app.example.com");
        assertThat(api.cors().allowMethods()).containsExactly("GET", "POST");
        assertThat(api.cors().allowHeaders()).containsExactly("Content-Type", "X-Api-Key");
        assertThat(api.cors().maxAgeSeconds()).isEqualTo(600);
        assertThat(api.usagePlan().id()).isEqualTo("ApiUsagePlan");
        assertThat(api.usagePlan().throttle().rateLimit()).isEqualTo(50);
        assertThat(api.usagePlan().throttle().burstLimit()).isEqualTo(100);
        assertThat(api.usagePlan().quota().limit()).isEqualTo(1000);
        assertThat(api.usagePlan().quota().period()).isEqualTo(QuotaPeriod.DAY);
        assertThat(api.methodThrottling()).extracting(MethodThrottle::resourcePath, MethodThrottle::httpMethod,
                t -> t.throttle().rateLimit(), t -> t.throttle().burstLimit())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/*", "*", 200.0, 400),
                        // A setting that gives only the rate keeps the account's burst limit.
                        org.assertj.core.groups.Tuple.tuple("/items/{id}", "GET", 5.0, 5000));
        assertThat(api.accessLogFormat()).isEqualTo("$context.requestId $context.status");

        FunctionSpec function = template.function("Fn");
        assertThat(function.routes()).extracting(RouteSpec::path, route -> route.needsApiKey(api))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/items/{id}", true),
                        org.assertj.core.groups.Tuple.tuple("/health", false));
    }

    @Test
    void eventsWithoutAnApiBelongToTheImplicitOneWhichTakesTheGlobals() throws IOException {
        Template template = read("""
                Globals:
                  Api:
                    Cors: "'*'"
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Get: {Type: Api, Properties: {Path: /x, Method: get}}
                """);

        ApiSpec api = template.api(ApiSpec.IMPLICIT_REST_API);
        assertThat(api.stageName()).isEqualTo("Prod");
        assertThat(api.cors().allowOrigins()).containsExactly("*");
        assertThat(api.cors().allowMethods()).as("the methods of each path, as SAM does").isEmpty();
        assertThat(api.apiKeyRequired()).isFalse();
        assertThat(template.function("Fn").routes().get(0).apiLogicalId()).isEqualTo(ApiSpec.IMPLICIT_REST_API);
    }

    @Test
    void anHttpApiReadsItsCorsConfigurationAndRouteSettings() throws IOException {
        Template template = read("""
                Resources:
                  Http:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      CorsConfiguration:
                        AllowOrigins: [https://a.example.com, https://b.example.com]
                        AllowMethods: [GET]
                        ExposeHeaders: [x-amzn-RequestId]
                        MaxAge: 300
                        AllowCredentials: true
                      DefaultRouteSettings: {ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50}
                      RouteSettings:
                        "POST /items": {ThrottlingRateLimit: 1, ThrottlingBurstLimit: 1}
                      AccessLogSettings:
                        Format: '{"id":"$context.requestId"}'
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Post: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /items, Method: post}}
                """);

        ApiSpec api = template.api("Http");
        assertThat(api.httpApi()).isTrue();
        assertThat(api.stageName()).isEqualTo("$default");
        assertThat(api.cors().allowOrigins()).containsExactly("https://a.example.com", "https://b.example.com");
        assertThat(api.cors().exposeHeaders()).containsExactly("x-amzn-RequestId");
        assertThat(api.cors().maxAgeSeconds()).isEqualTo(300);
        assertThat(api.cors().allowCredentials()).isTrue();
        assertThat(api.methodThrottling()).extracting(MethodThrottle::resourcePath, MethodThrottle::httpMethod)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/*", "*"),
                        org.assertj.core.groups.Tuple.tuple("/items", "POST"));
        assertThat(api.accessLogFormat()).isEqualTo("{\"id\":\"$context.requestId\"}");
    }

    @Test
    void anApisBinaryMediaTypesLoseSamsEscapingAndItsVariablesAreTheStages() throws IOException {
        Template template = read(apiWith("""
                BinaryMediaTypes: [image~1png, "application~1octet-stream", "*~1*"]
                      Variables: {tableName: items, version: 2}"""));

        ApiSpec api = template.api("Api");
        assertThat(api.binaryMediaTypes()).containsExactly("image/png", "application/octet-stream", "*/*");
        assertThat(api.stageVariables()).containsOnly(entry("tableName", "items"), entry("version", "2"));
    }

    @Test
    void anHttpApisStageVariablesAreRead() throws IOException {
        Template template = read("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageVariables: {tableName: items}
                """);

        assertThat(template.api("Api").stageVariables()).containsOnly(entry("tableName", "items"));
    }

    @Test
    void aCorsValueWithoutSamsQuotesIsRefusedWithItsPath() throws IOException {
        assertThatThrownBy(() -> read(apiWith("Cors: https://app.example.com")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Cors must be a quoted header value such as \"'*'\", "
                        + "not https://app.example.com");
    }

    @Test
    void anApiWithKeysAndCorsPutsTheKeyOnItsPreflightsUnlessToldNotTo() throws IOException {
        String cors = "Cors: \"'*'\"\n      ";
        assertThat(read(apiWith(cors + "Auth: {ApiKeyRequired: true}")).api("Api").preflightNeedsApiKey()).isTrue();
        assertThat(read(apiWith(cors + "Auth: {ApiKeyRequired: true, AddApiKeyRequiredToCorsPreflight: false}"))
                .api("Api").preflightNeedsApiKey()).isFalse();
        assertThat(read(apiWith(cors + "Auth: {ApiKeyRequired: false}")).api("Api").preflightNeedsApiKey()).isFalse();
        assertThat(read(apiWith("Auth: {ApiKeyRequired: true}")).api("Api").preflightNeedsApiKey()).isFalse();
    }

    @Test
    void anAddApiKeyRequiredToCorsPreflightThatIsNotABooleanIsRefused() throws IOException {
        assertThatThrownBy(() -> read(apiWith(
                "Cors: \"'*'\"\n      Auth: {ApiKeyRequired: true, AddApiKeyRequiredToCorsPreflight: never}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.AddApiKeyRequiredToCorsPreflight must be true or false, "
                        + "not never");
    }

    @Test
    void anUnknownUsagePlanKindIsRefused() throws IOException {
        assertThatThrownBy(() -> read(apiWith("Auth: {UsagePlan: {CreateUsagePlan: PER_KEY}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.UsagePlan.CreateUsagePlan must be PER_API, SHARED or NONE, "
                        + "not PER_KEY");
    }

    @Test
    void aQuotaWithoutItsPeriodIsRefused() throws IOException {
        assertThatThrownBy(() -> read(apiWith("Auth: {UsagePlan: {CreateUsagePlan: SHARED, Quota: {Limit: 5}}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Auth.UsagePlan.Quota.Period are both required");
    }

    @Test
    void anEventNamingSomethingOtherThanAnApiIsRefused() throws IOException {
        assertThatThrownBy(() -> read("""
                Resources:
                  Table: {Type: AWS::DynamoDB::Table, Properties: {TableName: t}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Get: {Type: Api, Properties: {RestApiId: !Ref Table, Path: /x, Method: get}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Events.Get.Properties.RestApiId must be !Ref of an API of this template");
    }

    private static String apiWith(String property) {
        return """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      %s
                """.formatted(property);
    }

    private Template read(String yaml) throws IOException {
        return READER.read(Files.writeString(dir.resolve("template.yaml"), yaml));
    }
}
