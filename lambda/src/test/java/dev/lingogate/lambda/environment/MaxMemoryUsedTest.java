package dev.lingogate.lambda.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaxMemoryUsedTest {

    @Test
    void highWaterMarkOfARunningProcessIsReadAgainOnEveryCall() {
        try (MaxMemoryUsed memory = MaxMemoryUsed.of(ProcessHandle.current().pid())) {
            long first = memory.megabytes().orElseThrow();

            assertThat(first).isPositive();
            assertThat(memory.megabytes().orElseThrow()).isGreaterThanOrEqualTo(first);
        }
    }

    @Test
    void numberIsTakenOnlyOnceItsUnitFollowsIt() {
        byte[] whole = "Name:\tjava\nVmPeak:\t 900 kB\nVmHWM:\t   51234 kB\nVmRSS:\t 40000 kB\n".getBytes(StandardCharsets.US_ASCII);
        int cut = new String(whole, StandardCharsets.US_ASCII).indexOf("51234") + 3;

        assertThat(MaxMemoryUsed.kilobytesIn(whole, whole.length)).isEqualTo(51234);
        assertThat(MaxMemoryUsed.kilobytesIn(whole, cut)).isEqualTo(-1);
    }

    @Test
    void processThatIsGoneReportsNothing() {
        assertThat(MaxMemoryUsed.of(Long.MAX_VALUE).megabytes()).isEmpty();
    }
}
