package dev.lingogate.app.language;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.app.http.HttpError;
import org.junit.jupiter.api.Test;

class TranslatorTest {

    @Test
    void exactlyTenThousandBytesMayBeTranslated() {
        assertThatCode(() -> Translator.requireWithinLimit("text", "a".repeat(10_000))).doesNotThrowAnyException();
    }

    @Test
    void oneByteMoreIsRejectedNamingTheField() {
        assertThatThrownBy(() -> Translator.requireWithinLimit("q", "a".repeat(10_001)))
                .isInstanceOfSatisfying(HttpError.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400))
                .hasMessage("q is 10001 bytes of UTF-8; at most 10000 bytes can be translated at once");
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        assertThatThrownBy(() -> Translator.requireWithinLimit("text", "😀".repeat(2_501)))
                .hasMessageStartingWith("text is 10004 bytes");
    }
}
