package dev.lingogate.app.languages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.app.http.JsonResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.translate.model.Language;

class LanguageListTest {

    private static Language language(String code, String name) {
        return Language.builder().languageCode(code).languageName(name).build();
    }

    @Test
    void everyLanguageTranslatesIntoEveryOtherAndAutoIsNoLanguage() {
        List<LanguageList.Entry> entries = LanguageList.from(List.of(
                language("es", "Spanish"), language("auto", "Auto"), language("en", "English"), language("ca", "Catalan")));
        assertThat(entries).containsExactly(
                new LanguageList.Entry("ca", "Catalan", List.of("en", "es")),
                new LanguageList.Entry("en", "English", List.of("ca", "es")),
                new LanguageList.Entry("es", "Spanish", List.of("ca", "en")));
    }

    @Test
    void theListIsAnsweredInLibreTranslatesShape() {
        String body = JsonResponse.of(200, LanguageList.from(List.of(language("en", "English"), language("es", "Spanish")))).getBody();
        assertThat(body).isEqualTo("[{\"code\":\"en\",\"name\":\"English\",\"targets\":[\"es\"]},"
                + "{\"code\":\"es\",\"name\":\"Spanish\",\"targets\":[\"en\"]}]");
    }

    @Test
    void noLanguagesMeansAnEmptyList() {
        assertThat(LanguageList.from(List.of())).isEmpty();
    }
}
