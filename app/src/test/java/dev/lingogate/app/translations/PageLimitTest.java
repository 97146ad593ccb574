package dev.lingogate.app.translations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.app.http.HttpError;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageLimitTest {

    @Test
    void withoutALimitAPageHolds20() {
        assertThat(PageLimit.parse(Optional.empty())).isEqualTo(20);
    }

    @Test
    void theLimitsAtBothEndsAreAccepted() {
        assertThat(PageLimit.parse(Optional.of("1"))).isEqualTo(1);
        assertThat(PageLimit.parse(Optional.of("100"))).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-5", "ten", "2.5", "", "99999999999"})
    void aLimitOutsideOneToAHundredIsRejectedNamingTheParameter(String limit) {
        assertThatThrownBy(() -> PageLimit.parse(Optional.of(limit)))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("limit must be a whole number from 1 to 100");
    }
}
