package dev.lingogate.app.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.lingogate.app.http.HttpError;
import dev.lingogate.app.http.ProxyRequest;
import dev.lingogate.app.language.TextOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibreTranslateRequestTest {

    private static LibreTranslateRequest body(String json) {
        return LibreTranslateRequest.fromBody(new ProxyRequest(new APIGatewayProxyRequestEvent().withBody(json)).jsonObject());
    }

    private static LibreTranslateRequest query(Map<String, String> parameters) {
        return LibreTranslateRequest.fromQuery(new ProxyRequest(new APIGatewayProxyRequestEvent().withQueryStringParameters(parameters)));
    }

    @Test
    void aSingleTextIsNoBatch() {
        LibreTranslateRequest request = body("{\"q\":\"Hello\",\"source\":\"en\",\"target\":\"es\"}");
        assertThat(request.texts()).containsExactly("Hello");
        assertThat(request.batch()).isFalse();
        assertThat(request.detectsSource()).isFalse();
    }

    @Test
    void anArrayOfTextsIsABatchInTheSameOrder() {
        LibreTranslateRequest request = body("{\"q\":[\"Hello\",\"Good night\"],\"source\":\"en\",\"target\":\"es\"}");
        assertThat(request.texts()).containsExactly("Hello", "Good night");
        assertThat(request.batch()).isTrue();
    }

    @Test
    void aMissingSourceMeansDetectIt() {
        assertThat(body("{\"q\":\"Hello\",\"target\":\"es\"}").detectsSource()).isTrue();
    }

    @Test
    void theFormatIsTextUnlessHtmlIsAskedFor() {
        assertThat(body("{\"q\":\"Hi\",\"target\":\"es\"}").options().format()).isEqualTo("text");
        assertThat(body("{\"q\":\"<b>Hi</b>\",\"target\":\"es\",\"format\":\"html\"}").options().format()).isEqualTo("html");
    }

    @Test
    void anUnknownFormatIsRejected() {
        assertThatThrownBy(() -> body("{\"q\":\"Hi\",\"target\":\"es\",\"format\":\"xml\"}"))
                .hasMessage("format must be \"text\" or \"html\"");
    }

    @Test
    void aMissingQIsRejectedInLibreTranslatesWords() {
        assertThatThrownBy(() -> body("{\"target\":\"es\"}"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Invalid request: missing q parameter");
    }

    @Test
    void aMissingTargetIsRejectedInLibreTranslatesWords() {
        assertThatThrownBy(() -> body("{\"q\":\"Hi\"}")).hasMessage("Invalid request: missing target parameter");
    }

    @Test
    void aNumberForQIsRejected() {
        assertThatThrownBy(() -> body("{\"q\":7,\"target\":\"es\"}")).hasMessage("q must be a string");
    }

    @Test
    void aNumberInsideTheArrayIsRejectedByPosition() {
        assertThatThrownBy(() -> body("{\"q\":[\"Hi\",7],\"target\":\"es\"}"))
                .hasMessage("q must be a string or an array of strings; q[1] is not a string");
    }

    @Test
    void anEmptyArrayIsRejected() {
        assertThatThrownBy(() -> body("{\"q\":[],\"target\":\"es\"}")).hasMessage("q must hold at least one text");
    }

    @Test
    void anEmptyTextInsideTheArrayIsRejected() {
        assertThatThrownBy(() -> body("{\"q\":[\"Hi\",\"\"],\"target\":\"es\"}")).hasMessage("q[1] must not be empty");
    }

    @Test
    void tooManyTextsAreRejected() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(101, "\"a\"")) + "]";
        assertThatThrownBy(() -> body("{\"q\":" + many + ",\"target\":\"es\"}"))
                .hasMessage("q holds 101 texts; at most 100 per request");
    }

    @Test
    void aGetRequestReadsTheQueryString() {
        LibreTranslateRequest request = query(Map.of("q", "Hello", "source", "en", "target", "ca"));
        assertThat(request).isEqualTo(new LibreTranslateRequest(List.of("Hello"), false, "en", "ca", TextOptions.DEFAULT));
    }

    @Test
    void aGetRequestWithoutQIsRejected() {
        assertThatThrownBy(() -> query(Map.of("target", "ca"))).hasMessage("Invalid request: missing q parameter");
    }
}
