package dev.lingogate.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code http_proxy} operations of an API's OpenAPI {@code DefinitionBody}. */
class DefinitionBodyReaderTest {

    private static final TemplateReader READER = new TemplateReader("lingogate", "us-east-1", "000000000000");

    @TempDir
    Path dir;

    @Test
    void httpProxyOperationsBecomeProxyRoutesAndOthersAreLeftToEvents() throws IOException {
        Template template = read("AWS::Serverless::Api", """
                /files/{proxy+}:
                  x-amazon-apigateway-any-method:
                    x-amazon-apigateway-integration:
                      type: http_proxy
                      uri: http://127.0.0.1:9000/files/{proxy}
                /status:
                  parameters: []
                  get:
                    x-amazon-apigateway-integration:
                      type: HTTP_PROXY
                      uri: http://127.0.0.1:9000/health
                      httpMethod: GET
                      timeoutInMillis: 2500
                  post:
                    summary: served by a function's Api event
                """);

        assertThat(template.api("Api").proxyRoutes()).containsExactly(
                new ProxyRouteSpec("ANY", "/files/{proxy+}", "http://127.0.0.1:9000/files/{proxy}", null, null,
                        "Resources.Api.Properties.DefinitionBody.paths./files/{proxy+}.x-amazon-apigateway-any-method"
                                + ".x-amazon-apigateway-integration"),
                new ProxyRouteSpec("GET", "/status", "http://127.0.0.1:9000/health", "GET", 2500,
                        "Resources.Api.Properties.DefinitionBody.paths./status.get.x-amazon-apigateway-integration"));
    }

    @Test
    void anHttpApisDefinitionIsReadTheSameWay() throws IOException {
        Template template = read("AWS::Serverless::HttpApi", """
                /status:
                  get:
                    x-amazon-apigateway-integration: {type: http_proxy, uri: 'http://127.0.0.1:9000/health'}
                """);

        assertThat(template.api("Api").proxyRoutes()).extracting(ProxyRouteSpec::method, ProxyRouteSpec::uri)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "http://127.0.0.1:9000/health"));
    }

    @Test
    void anotherIntegrationTypeIsRefusedByName() throws IOException {
        assertThatThrownBy(() -> read("AWS::Serverless::Api", """
                /mocked:
                  get:
                    x-amazon-apigateway-integration: {type: mock}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.DefinitionBody.paths./mocked.get.x-amazon-apigateway-integration"
                        + ".type mock is not supported by the local gateway, which forwards only http_proxy "
                        + "integrations; route the operation to a function with an Api or HttpApi event instead");
    }

    @Test
    void anHttpProxyWithoutAUriIsRefused() throws IOException {
        assertThatThrownBy(() -> read("AWS::Serverless::Api", """
                /status:
                  get:
                    x-amazon-apigateway-integration: {type: http_proxy}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.DefinitionBody.paths./status.get.x-amazon-apigateway-integration"
                        + ".uri is required for an http_proxy integration");
    }

    @Test
    void aTimeoutOverApiGatewaysLimitIsRefused() throws IOException {
        assertThatThrownBy(() -> read("AWS::Serverless::Api", """
                /status:
                  get:
                    x-amazon-apigateway-integration: {type: http_proxy, uri: 'http://127.0.0.1:1/', timeoutInMillis: 30000}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Api.Properties.DefinitionBody.paths./status.get.x-amazon-apigateway-integration"
                        + ".timeoutInMillis must be between 50 and 29000, not 30000");
    }

    private Template read(String type, String paths) throws IOException {
        return READER.read(Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Api:
                    Type: %s
                    Properties:
                      StageName: Prod
                      DefinitionBody:
                        openapi: '3.0.1'
                        paths:
                """.formatted(type) + paths.indent(10)));
    }
}
