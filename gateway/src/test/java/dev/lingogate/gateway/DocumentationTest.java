package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.gateway.admission.ApiKeyFile;
import dev.lingogate.gateway.integration.HttpProxyTarget;
import dev.lingogate.gateway.validation.RequestValidation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentationTest {

  @TempDir
  Path keyDirectory;

  private RunningGateway running;

  @AfterEach
  void stop() {
    running.close();
  }

  private void start(GatewayOptions options) {
    running = new RunningGateway(options,
        List.of(new Route("GET", "/translations/{id}", "translations", PayloadFormat.V1).requiringApiKey(),
            new Route("POST", "/translations", "translations", PayloadFormat.V1)
                .withValidation(RequestValidation.requiringParameters(List.of("method.request.header.X-Client"))
                    .withBodyModel("{\"type\":\"object\"}")),
            new Route("ANY", "/files/{proxy+}", "files", PayloadFormat.V1),
            Route.httpProxy("GET", "/legacy", new HttpProxyTarget("http://127.0.0.1:9/old"), PayloadFormat.V1)),
        ApiSettings.none().withApiKeys(ApiKeyFile.open(keyDirectory)),
        new TestFunctions().echo("translations").echo("files"));
  }

  @Test
  void openApiDocumentDescribesTheRoutes() {
    start(GatewayOptions.defaults());

    HttpResponse<String> response = running.get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode document = RunningGateway.json(response.body());
    assertThat(document.get("openapi").asText()).startsWith("3.");
    JsonNode get = document.at("/paths/~1translations~1{id}/get");
    assertThat(get.at("/parameters/0/name").asText()).isEqualTo("id");
    assertThat(get.at("/parameters/0/in").asText()).isEqualTo("path");
    assertThat(get.at("/security/0").has("api_key")).isTrue();
    assertThat(get.at("/x-amazon-apigateway-integration/type").asText()).isEqualTo("aws_proxy");
    JsonNode post = document.at("/paths/~1translations/post");
    assertThat(post.at("/parameters/0/name").asText()).isEqualTo("X-Client");
    assertThat(post.at("/requestBody/content/application~1json/schema/type").asText()).isEqualTo("object");
    assertThat(document.at("/paths/~1files~1{proxy+}").has("x-amazon-apigateway-any-method")).isTrue();
    assertThat(document.at("/paths/~1legacy/get/x-amazon-apigateway-integration/type").asText())
        .isEqualTo("http_proxy");
    assertThat(document.at("/components/securitySchemes/api_key/name").asText()).isEqualTo("x-api-key");
  }

  @Test
  void docsPageIsSwaggerUiServedFromItsWebjarShowingTheDocument() {
    start(GatewayOptions.defaults());

    HttpResponse<String> page = running.get("/docs/");
    HttpResponse<String> bundle = running.get("/docs/swagger-ui-bundle.js");
    HttpResponse<String> initializer = running.get("/docs/swagger-initializer.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(initializer.body()).contains("url: \"/openapi.json\"");
    assertThat(running.get("/docs").statusCode()).isEqualTo(301);
  }

  @Test
  void docsPageRefusesWhatIsNotAFileOfIt() {
    start(GatewayOptions.defaults());

    assertThat(running.get("/docs/nothing-here.js").statusCode()).isEqualTo(404);
    assertThat(running.get("/docs/..%2F..%2Fpom.properties").statusCode()).isEqualTo(404);
  }

  @Test
  void documentationCanMoveOrBeSwitchedOff() {
    start(GatewayOptions.defaults().withDocumentation("/api/spec.json", null));

    assertThat(running.get("/api/spec.json").statusCode()).isEqualTo(200);
    assertThat(running.get("/openapi.json").statusCode()).isEqualTo(403);
    assertThat(running.get("/docs/").statusCode()).isEqualTo(403);
  }
}
