package dev.lingogate.translate.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.translate.language.LanguagePair;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainMapTest {

    private static LanguagePair pair(String source, String target) {
        return new LanguagePair(source, target);
    }

    @Test
    void theFewestStepsWinOverALongerChain() {
        ChainMap chains = new ChainMap(Set.of(pair("a", "b"), pair("b", "c"), pair("c", "d"), pair("a", "x"), pair("x", "d")));

        assertThat(chains.chain(pair("a", "d")).orElseThrow()).hasToString("a→x→d");
        assertThat(chains.chain(pair("a", "c")).orElseThrow()).hasToString("a→b→c");
    }

    @Test
    void anInstalledDirectionIsAlwaysItsOwnChain() {
        ChainMap chains = new ChainMap(Set.of(pair("a", "b"), pair("b", "c"), pair("a", "c")));

        assertThat(chains.chain(pair("a", "c")).orElseThrow().isDirect()).isTrue();
    }

    @Test
    void directionsOnlyOneWayAreNotReversed() {
        ChainMap chains = new ChainMap(Set.of(pair("a", "b"), pair("b", "c")));

        assertThat(chains.chain(pair("c", "a"))).isEmpty();
        assertThat(chains.all()).containsOnlyKeys(pair("a", "b"), pair("a", "c"), pair("b", "c"));
    }

    @Test
    void aChainWhoseStepsDoNotMeetIsRefused() {
        assertThatThrownBy(() -> new Chain(List.of(pair("a", "b"), pair("c", "d"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the chain [a-b, c-d] is broken at step 1");
        assertThatThrownBy(() -> new Chain(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a chain has at least one step");
    }
}
