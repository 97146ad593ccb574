package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.gateway.validation.RequestValidation;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

  private static final String MODEL = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
      + "\"required\":[\"text\",\"target\"],\"properties\":{\"text\":{\"type\":\"string\",\"minLength\":1},"
      + "\"target\":{\"type\":\"string\",\"pattern\":\"^[a-z]{2,3}$\"}},\"additionalProperties\":false}";

  private RunningGateway running;

  @BeforeEach
  void start() {
    running = new RunningGateway(GatewayOptions.defaults(),
        List.of(new Route("GET", "/translate", "echo", PayloadFormat.V1).withValidation(
                RequestValidation.requiringParameters(List.of("method.request.querystring.q",
                    "method.request.querystring.target", "method.request.header.X-Client"))),
            new Route("POST", "/translations", "echo", PayloadFormat.V1)
                .withValidation(RequestValidation.NONE.withBodyModel(MODEL)),
            new Route("POST", "/files", "echo", PayloadFormat.V1)),
        ApiSettings.none().withStageVariables(Map.of("engine", "apertium"))
            .withBinaryMediaTypes(List.of("application/octet-stream", "image/*")),
        new TestFunctions().echo("echo"));
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void missingRequiredParametersAreNamedIn400() {
    HttpResponse<String> response = running.get("/translate?q=hello");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing required request parameters: [X-Client, target]\"}");
  }

  @Test
  void requestWithAllRequiredParametersGoesThrough() {
    assertThat(running.get("/translate?q=hello&target=de", "x-client", "web").statusCode()).isEqualTo(200);
  }

  @Test
  void bodyThatFitsTheModelGoesThrough() {
    assertThat(running.send("POST", "/translations", "{\"text\":\"hi\",\"target\":\"de\"}",
        "Content-Type", "application/json").statusCode()).isEqualTo(200);
  }

  @Test
  void bodyThatDoesNotFitTheModelIs400InvalidRequestBody() {
    for (String body : List.of("{\"text\":\"hi\"}", "{\"text\":\"hi\",\"target\":\"GERMAN\"}",
        "{\"text\":\"hi\",\"target\":\"de\",\"extra\":1}", "not json", "")) {
      HttpResponse<String> response = running.send("POST", "/translations", body, "Content-Type", "application/json");
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).as(body).isEqualTo("{\"message\":\"Invalid request body\"}");
    }
  }

  @Test
  void stageVariablesReachTheFunction() {
    JsonNode event = RunningGateway.echoedEvent(running.send("POST", "/files", "x", "Content-Type", "text/plain"));

    assertThat(event.at("/stageVariables/engine").asText()).isEqualTo("apertium");
  }

  @Test
  void onlyTheApisBinaryMediaTypesTravelAsBase64() {
    JsonNode image = RunningGateway.echoedEvent(running.send("POST", "/files", "\u0001PNG", "Content-Type", "image/png"));
    JsonNode pdf = RunningGateway.echoedEvent(running.send("POST", "/files", "%PDF", "Content-Type", "application/pdf"));

    assertThat(image.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(image.get("body").asText()), StandardCharsets.UTF_8))
        .isEqualTo("\u0001PNG");
    assertThat(pdf.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(pdf.get("body").asText()).isEqualTo("%PDF");
  }
}
