package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Instant;

/** A timestamp as AWS's JSON protocols write one: seconds since the epoch, with milliseconds as a fraction. */
final class EpochSeconds {

    private EpochSeconds() {
    }

    static JsonNode of(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }
}
