package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a template puts in front of its functions besides keys: a TOKEN Lambda authorizer as the
 * API's default, request validation from an event's {@code RequestParameters} and
 * {@code RequestModel}, stage variables, and an {@code http_proxy} operation of the API's
 * {@code DefinitionBody} forwarding to a second service, all through real HTTP on 127.0.0.1.
 */
class GuardedApiTest {

    @TempDir
    static Path dir;

    static HttpServer legacyService;
    static RunningStack stack;

    @BeforeAll
    static void start() throws IOException {
        legacyService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        legacyService.createContext("/", exchange -> {
            byte[] body = ("legacy saw " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        legacyService.start();
        String code = Path.of("target/test-classes").toAbsolutePath().toString();
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: {Runtime: java17, CodeUri: %s, MemorySize: 256}
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                      Variables: {greeting: hello}
                      Auth:
                        DefaultAuthorizer: Tokens
                        Authorizers:
                          Tokens:
                            FunctionArn: !GetAtt AuthorizerFunction.Arn
                            Identity: {Header: Authorization, ReauthorizeEvery: 0}
                      Models:
                        Translation:
                          $schema: http://json-schema.org/draft-04/schema#
                          type: object
                          required: [text]
                          properties:
                            text: {type: string, minLength: 1}
                      DefinitionBody:
                        openapi: '3.0.1'
                        paths:
                          /legacy/{proxy+}:
                            x-amazon-apigateway-any-method:
                              x-amazon-apigateway-integration:
                                type: http_proxy
                                uri: http://127.0.0.1:%d/old/{proxy}
                                timeoutInMillis: 5000
                  AuthorizerFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.lingogate.stack.e2e.functions.TokenAuthorizer::handleRequest
                  CallerFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.lingogate.stack.e2e.functions.Caller::handleRequest
                      Events:
                        Me: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /me, Method: get}}
                        Search:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /search
                            Method: get
                            Auth: {Authorizer: NONE}
                            RequestParameters: [method.request.querystring.q: {Required: true}]
                            RequestModel: {Model: Translation, ValidateParameters: true}
                        Translate:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /translations
                            Method: post
                            Auth: {Authorizer: NONE}
                            RequestModel: {Model: Translation, Required: true, ValidateBody: true}
                """.formatted(code, legacyService.getAddress().getPort()));
        stack = RunningStack.start(template, dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        legacyService.stop(0);
    }

    @Test
    void aTokenTheAuthorizerAllowsReachesTheFunctionAsItsPrincipal() {
        HttpResponse<String> response = withToken("/me", "allow:ada");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"principalId\":\"ada\",\"plan\":\"gold\",\"greeting\":\"hello\"}");
    }

    @Test
    void aTokenTheAuthorizerDeniesIsForbidden() {
        HttpResponse<String> response = withToken("/me", "deny:mallory");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("User is not authorized to access this resource with an explicit deny");
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        HttpResponse<String> response = stack.get("/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void aTokenTheAuthorizerDoesNotRecogniseIsUnauthorized() {
        HttpResponse<String> response = withToken("/me", "garbage");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void aRouteOutFromUnderTheDefaultAuthorizerNeedsNoToken() {
        HttpResponse<String> response = stack.get("/search?q=hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"principalId\":\"null\"");
    }

    @Test
    void aMissingRequiredQueryStringIsABadRequest() {
        HttpResponse<String> response = stack.get("/search");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(stack.json(response).get("message").asText()).isEqualTo("Missing required request parameters: [q]");
    }

    @Test
    void aBodyThatDoesNotFitTheModelIsABadRequest() {
        HttpResponse<String> response = stack.postJson("/translations", "{\"text\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(stack.json(response).get("message").asText()).isEqualTo("Invalid request body");
    }

    @Test
    void aBodyThatFitsTheModelReachesTheFunction() {
        assertThat(stack.postJson("/translations", "{\"text\":\"hello\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void anHttpProxyOperationForwardsToTheSecondService() {
        HttpResponse<String> response = withToken("/legacy/items/7?full=yes", "allow:ada");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("legacy saw GET /old/items/7?full=yes");
    }

    private static HttpResponse<String> withToken(String path, String token) {
        return stack.send(HttpRequest.newBuilder(stack.gateway(path)).header("Authorization", token).GET());
    }
}
