package dev.lingogate.stack.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.http.NetworkTransport;
import dev.lingogate.gateway.integration.HttpProxyTarget;
import dev.lingogate.stack.template.TemplateException;
import dev.lingogate.stack.template.TemplateReader;
import dev.lingogate.translate.TranslateOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's routes and settings as a template's authorizers, checks and definition make them. */
class GatewayConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void routesCarryTheirAuthorizerAndChecksAndTheApiItsAuthorizersVariablesAndBinaryTypes() throws IOException {
        GatewayConfiguration configuration = configure("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Variables: {greeting: hello}
                      BinaryMediaTypes: [image~1png]
                      Models:
                        Query: {type: object}
                      Auth:
                        DefaultAuthorizer: Tokens
                        Authorizers: {Tokens: {FunctionArn: !GetAtt Fn.Arn}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Search:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /search
                            Method: get
                            Auth: {Authorizer: NONE}
                            RequestParameters: [method.request.querystring.q: {Required: true}]
                            RequestModel: {Model: Query, ValidateParameters: true}
                        Browse:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /browse
                            Method: get
                            RequestParameters: [method.request.querystring.q: {Required: true}]
                """);

        Route search = configuration.routes().stream().filter(r -> r.routeKey().equals("GET /search")).findFirst()
                .orElseThrow();
        Route browse = configuration.routes().stream().filter(r -> r.routeKey().equals("GET /browse")).findFirst()
                .orElseThrow();
        assertThat(search.authorizer()).isEqualTo(Route.NO_AUTHORIZER);
        assertThat(search.validation().requiredQueryStrings()).containsExactly("q");
        assertThat(browse.validation().requiredQueryStrings())
                .as("Required without ValidateParameters only documents the parameter, as SAM expands it").isEmpty();
        assertThat(configuration.settings().authorizers()).containsOnlyKeys("Tokens");
        assertThat(configuration.settings().defaultAuthorizer()).isEqualTo("Tokens");
        assertThat(configuration.settings().stageVariables()).containsEntry("greeting", "hello");
        assertThat(configuration.settings().binaryMediaTypes()).containsExactly("image/png");
    }

    @Test
    void anHttpApiRouteCarriesItsAuthorizationScopes() throws IOException {
        GatewayConfiguration configuration = configure("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          Jwt:
                            IdentitySource: $request.header.Authorization
                            JwtConfiguration: {issuer: 'http://127.0.0.1:9000', audience: [app]}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Admin:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Api
                            Path: /admin
                            Method: get
                            Auth: {Authorizer: Jwt, AuthorizationScopes: [admin, 'history:write']}
                """);

        assertThat(configuration.routes().get(0).authorizationScopes()).containsExactly("admin", "history:write");
    }

    @Test
    void anApiWhoseMethodsNeedKeysAsksThemOfPreflightsUnlessTheTemplateSaysNot() throws IOException {
        String api = """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Cors: "'*'"
                      Auth: {ApiKeyRequired: true%s}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /items, Method: get}}
                """;

        assertThat(configure(api.formatted("")).settings().preflightNeedsApiKey()).isTrue();
        assertThat(configure(api.formatted(", AddApiKeyRequiredToCorsPreflight: false")).settings()
                .preflightNeedsApiKey()).isFalse();
    }

    @Test
    void anApiWithOnlyProxiedOperationsIsServed() throws IOException {
        GatewayConfiguration configuration = configure(definitionWithUri("http://127.0.0.1:9000/health"));

        assertThat(configuration.routes()).extracting(Route::routeKey, Route::httpProxy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET /status",
                        new HttpProxyTarget("http://127.0.0.1:9000/health", null, Duration.ofMillis(2000))));
    }

    @Test
    void aProxiedUriThatIsNotHttpIsRefusedWithItsPath() throws IOException {
        assertThatThrownBy(() -> configure(definitionWithUri("ftp://127.0.0.1/health")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.DefinitionBody.paths./status.get.x-amazon-apigateway-integration: "
                        + "an http_proxy URI must be an absolute http(s) URL, was ftp://127.0.0.1/health");
    }

    private static String definitionWithUri(String uri) {
        return """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      DefinitionBody:
                        paths:
                          /status:
                            get:
                              x-amazon-apigateway-integration: {type: http_proxy, uri: '%s', timeoutInMillis: 2000}
                """.formatted(uri);
    }

    private GatewayConfiguration configure(String yaml) throws IOException {
        Path template = Files.writeString(dir.resolve("template.yaml"), yaml);
        StackOptions options = new StackOptions(template, dir.resolve("data"), "127.0.0.1", 0, 0, 0, dir,
                StackOptions.DEFAULT_ADMIN_KEY, dir, "us-east-1",
                TranslateOptions.defaults(), 4, NetworkTransport.fastestAvailable());
        return GatewayConfiguration.of(new TemplateReader("lingogate", "us-east-1", StackOptions.ACCOUNT_ID)
                .read(template), options);
    }
}
