package dev.lingogate.app.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.app.http.HttpError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LanguageCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "zh-TW", "pt-PT", "fa-AF", "ast"})
    void translatesCodesAreAccepted(String code) {
        assertThat(LanguageCode.target("target", code)).isEqualTo(code);
        assertThat(LanguageCode.source("source", code)).isEqualTo(code);
    }

    @Test
    void autoIsASourceButNotATarget() {
        assertThat(LanguageCode.source("source", "auto")).isEqualTo("auto");
        assertThatThrownBy(() -> LanguageCode.target("target", "auto"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("target must name a language");
    }

    @ParameterizedTest
    @ValueSource(strings = {"e", "english", "en_US", "en-", "12", "en-US-x-private"})
    void somethingThatIsNoLanguageCodeIsRejectedNamingTheField(String code) {
        assertThatThrownBy(() -> LanguageCode.source("source", code))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("source must be a language code");
    }

    @Test
    void aLongWrongValueIsNotEchoedInFull() {
        assertThatThrownBy(() -> LanguageCode.target("target", "x".repeat(500)))
                .hasMessageEndingWith("x…\"");
    }
}
