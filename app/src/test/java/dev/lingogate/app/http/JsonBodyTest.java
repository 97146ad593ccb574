package dev.lingogate.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static JsonBody body(String json) {
        return new ProxyRequest(new APIGatewayProxyRequestEvent().withBody(json)).jsonObject();
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> body("{}").requiredString("text"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("text is required");
    }

    @Test
    void nullCountsAsMissing() {
        assertThatThrownBy(() -> body("{\"text\":null}").requiredString("text")).hasMessage("text is required");
    }

    @Test
    void aNumberWhereTextBelongsIsRejected() {
        assertThatThrownBy(() -> body("{\"text\":42}").requiredString("text"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("text must be a string");
    }

    @Test
    void blankTextIsRejected() {
        assertThatThrownBy(() -> body("{\"text\":\"  \"}").requiredString("text")).hasMessage("text must not be empty");
    }

    @Test
    void anAbsentOptionalFieldTakesItsDefault() {
        assertThat(body("{}").optionalString("source", "auto")).isEqualTo("auto");
    }

    @Test
    void aWronglyTypedOptionalFieldIsStillRejected() {
        assertThatThrownBy(() -> body("{\"source\":[\"en\"]}").optionalString("source", "auto"))
                .hasMessage("source must be a string");
    }
}
