package dev.lingogate.app.languages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.app.http.JsonResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.translate.model.Language;

class LanguageListTest {

    private static Language language(String code, String name) {
        return Language.builder().languageCode(code).languageName(name).build();
    }

    private static final List<Language> THREE = List.of(
            language("es", "Spanish"), language("auto", "Auto"), language("en", "English"), language("ca", "Catalan"));

    @Test
    void withoutPairsEveryLanguageTranslatesDirectlyIntoEveryOtherAndAutoIsNoLanguage() {
        assertThat(LanguageList.from(THREE, Optional.empty())).containsExactly(
                new LanguageList.Entry("ca", "Catalan", List.of("en", "es"), List.of("en", "es")),
                new LanguageList.Entry("en", "English", List.of("ca", "es"), List.of("ca", "es")),
                new LanguageList.Entry("es", "Spanish", List.of("ca", "en"), List.of("ca", "en")));
    }

    @Test
    void theEnginesPairsGiveEachLanguageItsTargetsAndTheDirectOnes() {
        String pairs = "ca>en, ca>en>es, en>ca, en>es, es>en, es>en>ca";

        assertThat(LanguageList.from(THREE, Optional.of(pairs))).containsExactly(
                new LanguageList.Entry("ca", "Catalan", List.of("en", "es"), List.of("en")),
                new LanguageList.Entry("en", "English", List.of("ca", "es"), List.of("ca", "es")),
                new LanguageList.Entry("es", "Spanish", List.of("ca", "en"), List.of("en")));
    }

    @Test
    void aLanguageOnlyTranslatedIntoHasNoTargets() {
        List<LanguageList.Entry> entries = LanguageList.from(List.of(language("en", "English"), language("ja", "Japanese")),
                Optional.of("en>ja"));

        assertThat(entries).containsExactly(
                new LanguageList.Entry("en", "English", List.of("ja"), List.of("ja")),
                new LanguageList.Entry("ja", "Japanese", List.of(), List.of()));
    }

    @Test
    void theListIsAnsweredInLibreTranslatesShapeWithTheDirectTargetsBeside() {
        String body = JsonResponse.of(200, LanguageList.from(List.of(language("en", "English"), language("es", "Spanish")),
                Optional.empty())).getBody();
        assertThat(body).isEqualTo("[{\"code\":\"en\",\"name\":\"English\",\"targets\":[\"es\"],\"direct\":[\"es\"]},"
                + "{\"code\":\"es\",\"name\":\"Spanish\",\"targets\":[\"en\"],\"direct\":[\"en\"]}]");
    }

    @Test
    void noLanguagesMeansAnEmptyList() {
        assertThat(LanguageList.from(List.of(), Optional.empty())).isEmpty();
    }
}
