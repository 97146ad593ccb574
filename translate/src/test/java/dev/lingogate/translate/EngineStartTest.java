package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStartTest {

    @Test
    void installedPairsAreServedUnderTheirIsoCodesWithoutVariants() {
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(
                Path.of("/usr/share/apertium/modes"), 1, Duration.ofSeconds(15)))) {
            assertThat(engine.pairs()).extracting(Object::toString)
                    .contains("en-es", "es-en", "en-ca", "ca-en", "fr-es", "es-fr", "es-pt", "pt-es");
            assertThat(engine.missingPrerequisites()).isEmpty();
        }
    }

    @Test
    void aModesDirectoryWithoutPairsIsReportedAsAMissingPrerequisite(@TempDir Path modes) {
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(15)))) {
            assertThat(engine.pairs()).isEmpty();
            assertThat(engine.missingPrerequisites()).containsExactly("no Apertium language pair installed in " + modes
                    + " (apt-get install apertium-eng-spa, or another apertium-<pair> package)");
        }
    }

    @Test
    void aMissingModesDirectoryMeansApertiumIsNotInstalled(@TempDir Path parent) {
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(parent.resolve("none"), 1,
                Duration.ofSeconds(15)))) {
            assertThat(engine.missingPrerequisites()).containsExactly("apertium is not installed (apt-get install apertium)");
        }
    }

    @Test
    void aNegativeQueueLengthIsRefusedWhenTheOptionsAreMade() {
        assertThatThrownBy(() -> TranslateOptions.defaults().withQueuePerPair(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queuePerPair must not be negative, not -1");
    }
}
