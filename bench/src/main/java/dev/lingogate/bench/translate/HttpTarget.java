package dev.lingogate.bench.translate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A translation server reached over plain HTTP/1.1 with keep-alive, as a browser or a
 * LibreTranslate client reaches it. A request is an error unless the server answers 200 with a
 * translatedText in the body.
 */
abstract class HttpTarget implements TranslationTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    abstract HttpRequest.Builder request(String sentence);

    @Override
    public final String translate(String sentence) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(sentence).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"translatedText\"")) {
            throw new IOException(label() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static URI resolve(String base, String pathAndQuery) {
        return URI.create(base.replaceAll("/+$", "") + pathAndQuery);
    }

    @Override
    public void close() {
        // The JDK's client of Java 17 has no close; its idle connections go with the driver.
    }
}
