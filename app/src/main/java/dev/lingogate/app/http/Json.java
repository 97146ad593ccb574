package dev.lingogate.app.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of a function: thread-safe once configured, so built once per environment. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            // "{} trailing junk" is malformed, not a valid object followed by noise.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }
}
