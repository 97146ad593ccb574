package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow a person walks, over HTTP against the whole stack: every request goes gateway →
 * function (its own JVM) → AWS edge → Apertium / SQLite and back.
 */
class TranslationFlowTest {

    @TempDir
    static Path data;

    static RunningStack stack;

    @BeforeAll
    static void start() {
        stack = RunningStack.start(data);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void translateListCorrectAndDeleteAnEntry() {
        HttpResponse<String> created = stack.postJson("/translations",
                "{\"text\":\"The house is big.\",\"source\":\"en\",\"target\":\"es\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = stack.json(created);
        String id = entry.get("id").asText();
        assertThat(entry.get("translatedText").asText()).isEqualTo("La casa es grande.");
        assertThat(entry.get("text").asText()).isEqualTo("The house is big.");
        assertThat(entry.get("target").asText()).isEqualTo("es");
        assertThat(entry.get("version").asInt()).isEqualTo(1);
        assertThat(created.headers().firstValue("Location")).hasValue("/translations/" + id);
        assertThat(created.headers().firstValue("x-amzn-RequestId")).isPresent();

        HttpResponse<String> listed = stack.get("/translations?limit=5");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(stack.json(listed).get("items").get(0).get("id").asText()).isEqualTo(id);

        HttpResponse<String> read = stack.get("/translations/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> withoutIfMatch = put(id, null, "{\"translatedText\":\"La casa es enorme.\"}");
        assertThat(withoutIfMatch.statusCode()).isEqualTo(428);

        HttpResponse<String> corrected = put(id, etag, "{\"translatedText\":\"La casa es enorme.\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(stack.json(corrected).get("translatedText").asText()).isEqualTo("La casa es enorme.");
        assertThat(corrected.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        HttpResponse<String> stale = put(id, etag, "{\"translatedText\":\"La casa es pequeña.\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stack.json(stack.get("/translations/" + id)).get("translatedText").asText())
                .isEqualTo("La casa es enorme.");

        assertThat(delete(id).statusCode()).isEqualTo(204);
        assertThat(stack.get("/translations/" + id).statusCode()).isEqualTo(404);
        assertThat(delete(id).statusCode()).isEqualTo(404);
        assertThat(put(id, "\"2\"", "{\"translatedText\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theSourceLanguageIsDetectedWhenLeftToAuto() {
        HttpResponse<String> created = stack.postJson("/translations",
                "{\"text\":\"La casa es muy grande y tiene un jardín precioso.\",\"target\":\"en\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(stack.json(created).get("detectedSource").asText()).isEqualTo("es");
    }

    @Test
    void historyIsListedNewestFirstAcrossPages() {
        for (String text : new String[] {"One cat.", "Two dogs.", "Three birds."}) {
            assertThat(stack.postJson("/translations", "{\"text\":\"" + text + "\",\"source\":\"en\",\"target\":\"ca\"}")
                    .statusCode()).isEqualTo(201);
        }

        JsonNode first = stack.json(stack.get("/translations?limit=2"));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("text").asText()).isEqualTo("Three birds.");
        assertThat(first.get("items").get(1).get("text").asText()).isEqualTo("Two dogs.");
        String cursor = first.get("nextCursor").asText();

        JsonNode second = stack.json(stack.get("/translations?limit=2&cursor=" + cursor));
        assertThat(second.get("items").get(0).get("text").asText()).isEqualTo("One cat.");
    }

    @Test
    void badInputIsRefusedWithAMessageNamingTheField() {
        assertRejected(stack.postJson("/translations", "{\"source\":\"en\",\"target\":\"es\"}"), 400, "text");
        assertRejected(stack.postJson("/translations", "{\"text\":\"\",\"source\":\"en\",\"target\":\"es\"}"), 400, "text");
        assertRejected(stack.postJson("/translations", "{\"text\":42,\"source\":\"en\",\"target\":\"es\"}"), 400, "text");
        assertRejected(stack.postJson("/translations", "{\"text\":\"Hello\",\"source\":\"en\",\"target\":\"xx\"}"), 400, "");
        assertRejected(stack.postJson("/translations", "{\"text\":\"Hello\",\"source\":\"en\",\"target\":\"ko\"}"), 400, "");
        assertRejected(stack.postJson("/translations", "{\"text\":\"Hello\""), 400, "JSON");
        assertRejected(stack.postJson("/translations",
                "{\"text\":\"" + "a".repeat(10_001) + "\",\"source\":\"en\",\"target\":\"es\"}"), 400, "10000");
        assertRejected(stack.send(HttpRequest.newBuilder(stack.gateway("/translations")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("The house"))), 415, "");
        assertRejected(stack.get("/translations?limit=0"), 400, "limit");
        assertRejected(stack.get("/translations?cursor=not-a-cursor"), 400, "cursor");
    }

    @Test
    void anUnknownRouteIsAnsweredAsARestApiDoes() {
        HttpResponse<String> response = stack.get("/no/such/route");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void libreTranslateCompatibleTranslation() {
        HttpResponse<String> byQuery = stack.get("/translate?q=The%20house%20is%20big.&source=en&target=es");
        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        assertThat(stack.json(byQuery).get("translatedText").asText()).isEqualTo("La casa es grande.");

        HttpResponse<String> byBody = stack.postJson("/translate",
                "{\"q\":[\"The house is big.\",\"The house is small.\"],\"source\":\"en\",\"target\":\"es\"}");
        assertThat(byBody.statusCode()).as(byBody.body()).isEqualTo(200);
        assertThat(stack.json(byBody).get("translatedText").get(0).asText()).isEqualTo("La casa es grande.");
        assertThat(stack.json(byBody).get("translatedText")).hasSize(2);

        HttpResponse<String> missing = stack.postJson("/translate", "{\"source\":\"en\",\"target\":\"es\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(stack.json(missing).get("error").asText()).contains("q");
    }

    @Test
    void languagesAndDetection() {
        HttpResponse<String> languages = stack.get("/languages");
        assertThat(languages.statusCode()).isEqualTo(200);
        assertThat(stack.json(languages).findValuesAsText("code")).contains("en", "es", "ca", "fr", "pt");

        HttpResponse<String> detected = stack.postJson("/detect", "{\"q\":\"Le chat est sur la table de la cuisine.\"}");
        assertThat(detected.statusCode()).as(detected.body()).isEqualTo(200);
        assertThat(stack.json(detected).get(0).get("language").asText()).isEqualTo("fr");
    }

    @Test
    void theWebPageIsServedAndNothingOutsideItsFolder() {
        HttpResponse<String> page = stack.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html");
        assertThat(stack.get("/app.js").statusCode()).isEqualTo(200);
        assertThat(stack.get("/%2e%2e/%2e%2e/pom.xml").statusCode()).isIn(403, 404);
    }

    private static void assertRejected(HttpResponse<String> response, int status, String mentioned) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = stack.json(response);
        assertThat(body.has("message") || body.has("error")).as(response.body()).isTrue();
        assertThat(response.body()).contains(mentioned).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    private static HttpResponse<String> put(String id, String ifMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.gateway("/translations/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return stack.send(request);
    }

    private static HttpResponse<String> delete(String id) {
        return stack.send(HttpRequest.newBuilder(stack.gateway("/translations/" + id)).DELETE());
    }
}
