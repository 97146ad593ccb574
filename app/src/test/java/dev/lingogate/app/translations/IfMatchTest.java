package dev.lingogate.app.translations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.app.http.HttpError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    private static long version(String header) {
        return IfMatch.parse(Optional.of(header)).version().orElseThrow();
    }

    @Test
    void theETagAsSentIsAccepted() {
        assertThat(version("\"3\"")).isEqualTo(3);
    }

    @Test
    void aBareVersionNumberIsAccepted() {
        assertThat(version("3")).isEqualTo(3);
    }

    @Test
    void aWeakETagIsAccepted() {
        assertThat(version("W/\"3\"")).isEqualTo(3);
    }

    @Test
    void surroundingSpacesDoNotMatter() {
        assertThat(version("  \"12\" ")).isEqualTo(12);
    }

    @Test
    void aStarMatchesAnyCurrentVersion() {
        assertThat(IfMatch.parse(Optional.of("*")).version()).isEmpty();
    }

    @Test
    void aMissingIfMatchIsRefusedWith428() {
        assertThatThrownBy(() -> IfMatch.parse(Optional.empty()))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(428))
                .hasMessageContaining("If-Match header is required");
    }

    @Test
    void anEmptyIfMatchCountsAsMissing() {
        assertThatThrownBy(() -> IfMatch.parse(Optional.of(" ")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(428));
    }

    @Test
    void somethingThatIsNotAnETagIsA400() {
        assertThatThrownBy(() -> IfMatch.parse(Optional.of("\"1\", \"2\"")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("If-Match must be one ETag");
    }

    @Test
    void theETagOfAVersionIsQuoted() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
    }
}
