package dev.lingogate.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyEncodingPropertiesTest {

    @Provide
    Arbitrary<BigDecimal> numbers() {
        return Arbitraries.bigIntegers().between(new java.math.BigInteger("-99999999999999999999"),
                        new java.math.BigInteger("99999999999999999999"))
                .flatMap(unscaled -> Arbitraries.integers().between(-120, 120).map(scale -> new BigDecimal(unscaled, scale)));
    }

    @Property(tries = 3000)
    void encodedNumbersSortAsTheNumbersDo(@ForAll("numbers") BigDecimal a, @ForAll("numbers") BigDecimal b) {
        int byValue = Integer.signum(a.compareTo(b));
        int byBytes = Integer.signum(Arrays.compareUnsigned(KeyEncoding.encodeNumber(a), KeyEncoding.encodeNumber(b)));
        assertThat(byBytes).isEqualTo(byValue);
    }
}
