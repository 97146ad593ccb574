package dev.lingogate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `lingogate up` makes of its options, without starting anything. */
class UpCommandTest {

    @Test
    void withoutOptionsItServesTheDocumentedDefaults() {
        UpCommand up = parse();

        assertThat(up.port).isEqualTo(3000);
        assertThat(up.edgePort).isEqualTo(4566);
        assertThat(up.metricsPort).isEqualTo(3001);
        assertThat(up.host).isEqualTo("127.0.0.1");
        assertThat(up.dataDir).isEqualTo(Path.of("data"));
        assertThat(up.translationCache).isTrue();
    }

    @Test
    void theTranslationCacheCanBeTurnedOffForBenchmarks() {
        assertThat(parse("--no-translation-cache").translationCache).isFalse();
        assertThat(parse("--translation-cache").translationCache).isTrue();
    }

    private static UpCommand parse(String... arguments) {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs(arguments);
        return up;
    }
}
