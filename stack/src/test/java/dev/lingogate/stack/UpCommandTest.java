package dev.lingogate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.http.NetworkTransport;
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

    @Test
    void remoteEnginesAreReadInTheOrderGiven() {
        UpCommand up = parse("--remote-engine", "libretranslate=http://127.0.0.1:5000;pairs=en-de",
                "--remote-engine", "amazon=http://127.0.0.1:4567");

        assertThat(up.translateOptions().remoteEngines()).hasSize(2);
    }

    @Test
    void aRemoteEngineOfNoKnownKindIsRefusedNamingIt() {
        assertThatThrownBy(() -> parse("--remote-engine", "bing=http://127.0.0.1:1").translateOptions())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--remote-engine: ").hasMessageContaining("bing");
    }

    @Test
    void thePipelinesPerPairDefaultToOnePerCoreAndCanBeSet() {
        assertThat(parse().translateOptions().pipelinesPerPair()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(parse("--pipelines-per-pair", "1").translateOptions().pipelinesPerPair()).isEqualTo(1);
    }

    @Test
    void aPipelineCountBelowOneIsRefusedNamingIt() {
        assertThatThrownBy(() -> parse("--pipelines-per-pair", "0").translateOptions())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--pipelines-per-pair must be at least 1, not 0");
    }

    @Test
    void theNetworkTransportIsTheFastestAvailableUnlessOneIsNamed() {
        assertThat(parse().transport()).isEqualTo(NetworkTransport.fastestAvailable());
        assertThat(parse("--network-transport", "nio").transport()).isEqualTo(NetworkTransport.NIO);
    }

    @Test
    void anUnknownNetworkTransportIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> parse("--network-transport", "kqueue").transport())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--network-transport: unknown network transport 'kqueue': choose auto, io_uring, epoll or nio");
    }

    private static UpCommand parse(String... arguments) {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs(arguments);
        return up;
    }
}
