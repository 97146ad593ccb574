package dev.lingogate.app.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.app.languages.LanguagesHandler;
import dev.lingogate.app.testing.LocalTranslationEngine;
import dev.lingogate.app.testing.ProxyEvents;
import dev.lingogate.app.testing.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's LibreTranslate routes on Lingogate's real engine: which chain served a text, which pairs are direct. */
class ChainReportTest {

    private static LocalTranslationEngine engine;
    private static TranslateHandler translate;
    private static LanguagesHandler languages;

    @BeforeAll
    static void start() {
        engine = new LocalTranslationEngine();
        translate = new TranslateHandler(engine.translate(), engine.comprehend());
        languages = new LanguagesHandler(engine.translate());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static JsonNode post(String body) {
        APIGatewayProxyResponseEvent response = translate.handleRequest(ProxyEvents.load("post-translate").withBody(body),
                new RecordingContext());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return ProxyEvents.body(response);
    }

    @Test
    void aPivotedPairAnswersTheChainItWentThrough() {
        JsonNode answer = post("{\"q\":\"El meu germà viu a Barcelona.\",\"source\":\"ca\",\"target\":\"pt\"}");

        assertThat(answer.get("translatedText").asText()).isNotBlank();
        assertThat(answer.get("chain").asText()).isEqualTo("ca>en>es>pt");
    }

    @Test
    void aDirectPairAnswersItsOneStep() {
        assertThat(post("{\"q\":\"The house is big.\",\"source\":\"en\",\"target\":\"es\"}").get("chain").asText()).isEqualTo("en>es");
    }

    @Test
    void aBatchAnswersAChainPerTextAndNoneForATextLeftInItsLanguage() {
        JsonNode answer = post("{\"q\":[\"The house is big.\",\"The cat sleeps.\"],\"source\":\"en\",\"target\":\"en\"}");
        assertThat(answer.has("chain")).isFalse();

        JsonNode chains = post("{\"q\":[\"La casa es grande.\",\"El gato duerme.\"],\"source\":\"es\",\"target\":\"ca\"}").get("chain");
        assertThat(chains).hasSize(2);
        chains.forEach(chain -> assertThat(chain.asText()).isEqualTo("es>en>ca"));
    }

    @Test
    void languagesListEveryReachableTargetAndWhichAreDirect() {
        APIGatewayProxyResponseEvent response = languages.handleRequest(ProxyEvents.load("get-languages"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode catalan = find(ProxyEvents.body(response), "ca");
        assertThat(strings(catalan.get("targets"))).containsExactly("en", "es", "fr", "pt");
        assertThat(strings(catalan.get("direct"))).containsExactly("en");
        assertThat(catalan.get("name").asText()).isEqualTo("Catalan");
        JsonNode english = find(ProxyEvents.body(response), "en");
        assertThat(strings(english.get("direct"))).contains("ca", "es").doesNotContain("pt", "fr");
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode language : list) {
            if (language.get("code").asText().equals(code)) {
                return language;
            }
        }
        throw new AssertionError(code + " is not listed in " + list);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
