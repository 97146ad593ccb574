package dev.lingogate.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyRequestTest {

    private static ProxyRequest post(String contentType, String body) {
        return new ProxyRequest(new APIGatewayProxyRequestEvent()
                .withHttpMethod("post")
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
                .withBody(body));
    }

    @Test
    void headerNamesAreMatchedWithoutRegardToCase() {
        ProxyRequest request = new ProxyRequest(new APIGatewayProxyRequestEvent().withHeaders(Map.of("if-match", "\"2\"")));
        assertThat(request.header("If-Match")).contains("\"2\"");
    }

    @Test
    void headersOnlyInTheMultiValueMapAreFound() {
        ProxyRequest request = new ProxyRequest(new APIGatewayProxyRequestEvent()
                .withMultiValueHeaders(Map.of("If-Match", List.of("\"4\""))));
        assertThat(request.header("if-match")).contains("\"4\"");
    }

    @Test
    void methodIsReadInCapitals() {
        assertThat(post(null, "{}").method()).isEqualTo("POST");
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        JsonBody body = post("application/json; charset=utf-8", "{\"text\":\"hi\"}").jsonObject();
        assertThat(body.requiredString("text")).isEqualTo("hi");
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJson() {
        assertThat(post(null, "{\"text\":\"hi\"}").jsonObject().requiredString("text")).isEqualTo("hi");
    }

    @Test
    void aFormBodyIsRefusedWith415() {
        assertThatThrownBy(() -> post("application/x-www-form-urlencoded", "text=hi").jsonObject())
                .isInstanceOfSatisfying(HttpError.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.getMessage()).contains("application/x-www-form-urlencoded").contains("application/json");
                });
    }

    @Test
    void malformedJsonIsRejectedSayingWhatIsWrong() {
        assertThatThrownBy(() -> post("application/json", "{\"text\": ").jsonObject())
                .isInstanceOfSatisfying(HttpError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Malformed JSON body: ");
                });
    }

    @Test
    void trailingGarbageAfterJsonIsMalformed() {
        assertThatThrownBy(() -> post("application/json", "{} {}").jsonObject())
                .hasMessageStartingWith("Malformed JSON body: ");
    }

    @Test
    void aJsonArrayIsNotAnAcceptableBody() {
        assertThatThrownBy(() -> post("application/json", "[1,2]").jsonObject())
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Request body must be a JSON object");
    }

    @Test
    void aMissingBodyIsRejected() {
        assertThatThrownBy(() -> post("application/json", null).jsonObject())
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("Request body is required");
    }

    @Test
    void aBase64EncodedBodyIsDecodedAsUtf8() {
        String encoded = Base64.getEncoder().encodeToString("{\"text\":\"안녕\"}".getBytes(StandardCharsets.UTF_8));
        ProxyRequest request = new ProxyRequest(new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withBody(encoded).withIsBase64Encoded(true));
        assertThat(request.jsonObject().requiredString("text")).isEqualTo("안녕");
    }

    @Test
    void queryAndPathParametersAreAbsentWhenTheEventHasNone() {
        ProxyRequest request = new ProxyRequest(new APIGatewayProxyRequestEvent());
        assertThat(request.query("limit")).isEmpty();
        assertThat(request.pathParameter("id")).isEmpty();
        assertThat(request.header("If-Match")).isEmpty();
    }
}
