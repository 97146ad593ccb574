package dev.lingogate.app.translations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.app.http.JsonResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TranslationStoreTest {
    private final Translation translation = new Translation("01JD3Z8Q4X7M2N5P6R8S9T0V1W", "Hello", "Hola", "auto", "en", "es",
            "2025-06-01T12:00:00.123Z", "2025-06-01T12:00:00.123Z", 1);

    @Test
    void anItemIsKeptUnderThePublicOwnerWithEveryAttribute() {
        Map<String, AttributeValue> item = TranslationStore.toItem(translation);
        assertThat(item.get("owner").s()).isEqualTo("public");
        assertThat(item.get("id").s()).isEqualTo(translation.id());
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item).containsOnlyKeys("owner", "id", "text", "translatedText", "source", "detectedSource", "target",
                "createdAt", "updatedAt", "version");
    }

    @Test
    void aTranslationIsAnsweredWithEveryFieldByName() {
        assertThat(JsonResponse.of(200, translation).getBody()).isEqualTo("{\"id\":\"01JD3Z8Q4X7M2N5P6R8S9T0V1W\","
                + "\"text\":\"Hello\",\"translatedText\":\"Hola\",\"source\":\"auto\",\"detectedSource\":\"en\","
                + "\"target\":\"es\",\"createdAt\":\"2025-06-01T12:00:00.123Z\",\"updatedAt\":\"2025-06-01T12:00:00.123Z\","
                + "\"version\":1}");
    }

    @Test
    void anItemReadsBackAsTheSameTranslation() {
        assertThat(TranslationStore.fromItem(TranslationStore.toItem(translation))).isEqualTo(translation);
    }
}
