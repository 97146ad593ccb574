package dev.lingogate.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.authorization.IdentitySource;
import dev.lingogate.gateway.authorization.JwtAuthorizer;
import dev.lingogate.gateway.authorization.LambdaAuthorizer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API's {@code Auth.Authorizers}, {@code DefaultAuthorizer} and an event's {@code Auth.Authorizer}, as SAM reads them. */
class AuthorizerReaderTest {

    private static final TemplateReader READER = new TemplateReader("lingogate", "us-east-1", "000000000000");

    @TempDir
    Path dir;

    @Test
    void anApisTokenAndRequestAuthorizersAreReadWithSamsDefaults() throws IOException {
        Template template = read("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Auth:
                        DefaultAuthorizer: Tokens
                        Authorizers:
                          Tokens:
                            FunctionArn: !GetAtt Checker.Arn
                          Custom:
                            FunctionArn: !GetAtt Checker.Arn
                            Identity: {Header: X-Token, ValidationExpression: "^Bearer .+$", ReauthorizeEvery: 0}
                          Requests:
                            FunctionArn: !GetAtt Checker.Arn
                            FunctionPayloadType: REQUEST
                            Identity: {Headers: [X-User], QueryStrings: [tenant], ReauthorizeEvery: 60}
                  Checker:
                    Type: AWS::Serverless::Function
                    Properties: {FunctionName: token-checker, Handler: a.B::handle, Runtime: java17, CodeUri: app}
                """);

        ApiSpec api = template.api("Api");
        assertThat(api.defaultAuthorizer()).isEqualTo("Tokens");
        assertThat(api.authorizers()).containsOnlyKeys("Tokens", "Custom", "Requests");
        assertThat(api.authorizers().get("Tokens"))
                .isEqualTo(LambdaAuthorizer.token("token-checker", "Authorization", Duration.ofSeconds(300)));
        LambdaAuthorizer custom = (LambdaAuthorizer) api.authorizers().get("Custom");
        assertThat(custom.identitySources()).containsExactly(IdentitySource.header("X-Token"));
        assertThat(custom.resultTtl()).isZero();
        assertThat(custom.tokenValidation().pattern()).isEqualTo("^Bearer .+$");
        assertThat(api.authorizers().get("Requests")).isEqualTo(LambdaAuthorizer.request("token-checker",
                java.util.List.of(IdentitySource.header("X-User"), IdentitySource.queryString("tenant")),
                Duration.ofSeconds(60)));
    }

    @Test
    void anHttpApisLambdaAndJwtAuthorizersAreRead() throws IOException {
        Template template = read("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          Simple:
                            FunctionArn: !GetAtt Checker.Arn
                            AuthorizerPayloadFormatVersion: "2.0"
                            EnableSimpleResponses: true
                            Identity: {Headers: [Authorization], ReauthorizerEvery: 30}
                          Oidc:
                            IdentitySource: $request.header.X-Jwt
                            AuthorizationScopes: [translations.read]
                            JwtConfiguration:
                              issuer: http://127.0.0.1:8999/issuer/
                              audience: [lingogate, web]
                  Checker:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.B::handle, Runtime: java17, CodeUri: app}
                """);

        ApiSpec api = template.api("Api");
        assertThat(api.authorizers().get("Simple")).isEqualTo(LambdaAuthorizer.httpApi("Checker", PayloadFormat.V2,
                true, java.util.List.of(IdentitySource.header("Authorization")), Duration.ofSeconds(30)));
        assertThat(api.authorizers().get("Oidc")).isEqualTo(new JwtAuthorizer("http://127.0.0.1:8999/issuer/",
                java.util.List.of("lingogate", "web"), null,
                URI.create("http://127.0.0.1:8999/issuer/.well-known/jwks.json"), IdentitySource.header("X-Jwt"),
                java.util.List.of("translations.read")));
    }

    @Test
    void anEventNamesItsAuthorizerOrNone() throws IOException {
        Template template = read(apiWithAuthorizer("""
                        Guarded: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /a, Method: get, Auth: {Authorizer: Tokens}}}
                        Open: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /b, Method: get, Auth: {Authorizer: NONE}}}
                        Default: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /c, Method: get}}
                """));

        assertThat(template.function("Checker").routes()).extracting(RouteSpec::authorizer)
                .containsExactly("Tokens", "NONE", null);
    }

    @Test
    void anEventNamingAnAuthorizerItsApiHasNotIsRefused() throws IOException {
        assertThatThrownBy(() -> read(apiWithAuthorizer("""
                        Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /a, Method: get, Auth: {Authorizer: Cognito}}}
                """)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Checker.Properties.Events.Get.Properties.Auth.Authorizer names Cognito, which is "
                        + "not among Resources.Api.Properties.Auth.Authorizers [Tokens]");
    }

    @Test
    void iamAuthorizationOfAnEventIsRefused() throws IOException {
        assertThatThrownBy(() -> read(apiWithAuthorizer("""
                        Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /a, Method: get, Auth: {Authorizer: AWS_IAM}}}
                """)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Checker.Properties.Events.Get.Properties.Auth.Authorizer: AWS_IAM authorization "
                        + "is not supported by the local gateway");
    }

    @Test
    void aDefaultAuthorizerThatIsNotDefinedIsRefused() throws IOException {
        assertThatThrownBy(() -> read(api("Authorizers: {Tokens: {FunctionArn: !GetAtt Checker.Arn}}, DefaultAuthorizer: Missing")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.DefaultAuthorizer names Missing, which is not among "
                        + "Resources.Api.Properties.Auth.Authorizers [Tokens]");
    }

    @Test
    void anUnknownPayloadTypeIsRefused() throws IOException {
        assertThatThrownBy(() -> read(api("Authorizers: {Tokens: {FunctionArn: !GetAtt Checker.Arn, FunctionPayloadType: COOKIE}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Tokens.FunctionPayloadType must be TOKEN or "
                        + "REQUEST, not COOKIE");
    }

    @Test
    void aFunctionArnThatIsNotAFunctionsIsRefused() throws IOException {
        assertThatThrownBy(() -> read(api("Authorizers: {Tokens: {FunctionArn: checker}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Tokens.FunctionArn must be the ARN of a function "
                        + "of this template (!GetAtt Fn.Arn), not checker");
    }

    @Test
    void aCacheTimeOverAnHourIsRefused() throws IOException {
        assertThatThrownBy(() -> read(api("Authorizers: {Tokens: {FunctionArn: !GetAtt Checker.Arn, Identity: {ReauthorizeEvery: 7200}}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Tokens.Identity.ReauthorizeEvery must be between "
                        + "0 and 3600 seconds, not 7200");
    }

    @Test
    void aCognitoAuthorizerIsRefused() throws IOException {
        assertThatThrownBy(() -> read(api("Authorizers: {Tokens: {UserPoolArn: arn:aws:cognito-idp:us-east-1:1:userpool/x}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Tokens: Cognito user pool authorizers are not "
                        + "supported by the local gateway");
    }

    @Test
    void anHttpApiLambdaAuthorizerWithoutItsPayloadVersionIsRefused() throws IOException {
        assertThatThrownBy(() -> read(httpApi("Lambda: {FunctionArn: !GetAtt Checker.Arn}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Lambda.AuthorizerPayloadFormatVersion is "
                        + "required (1.0 or 2.0)");
    }

    @Test
    void simpleResponsesWithPayloadOneIsRefused() throws IOException {
        assertThatThrownBy(() -> read(httpApi("Lambda: {FunctionArn: !GetAtt Checker.Arn, "
                + "AuthorizerPayloadFormatVersion: '1.0', EnableSimpleResponses: true}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Lambda: simple responses need payload format 2.0");
    }

    @Test
    void aJwtIssuerOffThisMachineIsRefusedBecauseItsKeysCannotBeFetched() throws IOException {
        assertThatThrownBy(() -> read(httpApi("Oidc: {JwtConfiguration: {issuer: 'https://cognito-idp.us-east-1"
                + ".amazonaws.com/pool', audience: [app]}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Oidc.JwtConfiguration.issuer must be an http URL "
                        + "on 127.0.0.1 locally, whose /.well-known/jwks.json the gateway reads, not "
                        + "https://cognito-idp.us-east-1.amazonaws.com/pool");
    }

    @Test
    void aJwtAuthorizerWithoutAnAudienceIsRefused() throws IOException {
        assertThatThrownBy(() -> read(httpApi("Oidc: {JwtConfiguration: {issuer: 'http://127.0.0.1:1/i'}}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.Auth.Authorizers.Oidc.JwtConfiguration.audience is required");
    }

    private static String api(String auth) {
        return """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Auth: {%s}
                  Checker:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.B::handle, Runtime: java17, CodeUri: app}
                """.formatted(auth);
    }

    private static String httpApi(String authorizer) {
        return """
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers: {%s}
                  Checker:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.B::handle, Runtime: java17, CodeUri: app}
                """.formatted(authorizer);
    }

    private static String apiWithAuthorizer(String events) {
        return """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Auth:
                        Authorizers: {Tokens: {FunctionArn: !GetAtt Checker.Arn}}
                  Checker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                %s""".formatted(events.indent(4));
    }

    private Template read(String yaml) throws IOException {
        return READER.read(Files.writeString(dir.resolve("template.yaml"), yaml));
    }
}
