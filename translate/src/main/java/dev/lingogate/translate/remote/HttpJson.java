package dev.lingogate.translate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** A JSON POST to a remote engine with a deadline, its failures sorted into {@link RemoteFailure} kinds. */
final class HttpJson {

    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Duration timeout;

    HttpJson(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    JsonNode post(URI uri, JsonNode body, Map<String, String> headers) throws RemoteFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RemoteFailure(RemoteFailure.Kind.PASSING, uri + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new RemoteFailure(RemoteFailure.Kind.PASSING, uri + " could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailure(RemoteFailure.Kind.REFUSED, "interrupted while waiting for " + uri);
        }
        if (response.statusCode() != 200) {
            throw new RemoteFailure(RemoteFailure.ofStatus(response.statusCode()),
                    uri + " answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new RemoteFailure(RemoteFailure.Kind.PASSING, uri + " answered something other than JSON: " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
