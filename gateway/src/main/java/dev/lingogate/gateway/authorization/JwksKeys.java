package dev.lingogate.gateway.authorization;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;

/**
 * An issuer's public keys: read once from a local JWKS file, or fetched from its JWKS URL on first
 * use and fetched again when a token names a key id not among them (the issuer rotated its keys),
 * at most once every ten seconds so bad tokens cannot turn the gateway against the issuer.
 */
final class JwksKeys {

  private static final long REFETCH_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long FETCH_TIMEOUT_MILLIS = 5_000;

  private final URI uri;
  private final HttpClient client;
  private volatile JWKSet keys;
  private volatile long fetchedAtNanos;

  private JwksKeys(JWKSet keys, URI uri, HttpClient client) {
    this.keys = keys;
    this.uri = uri;
    this.client = client;
  }

  /** @throws IllegalArgumentException when the file cannot be read or is not a JWKS */
  static JwksKeys fromFile(Path file) {
    try {
      return new JwksKeys(JWKSet.parse(Files.readString(file)), null, null);
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("cannot read the JWKS file " + file + ": " + e.getMessage(), e);
    }
  }

  static JwksKeys at(Vertx vertx, URI uri) {
    return new JwksKeys(null, uri, vertx.createHttpClient());
  }

  /** The keys, with the key id among them if the issuer has it. */
  Future<JWKSet> withKeyId(String keyId) {
    JWKSet current = keys;
    boolean known = current != null && (keyId == null || current.getKeyByKeyId(keyId) != null);
    if (uri == null || known || (current != null && System.nanoTime() - fetchedAtNanos < REFETCH_PAUSE_NANOS)) {
      return Future.succeededFuture(current);
    }
    fetchedAtNanos = System.nanoTime();
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
        .setIdleTimeout(FETCH_TIMEOUT_MILLIS);
    return client.request(request)
        .compose(sent -> sent.send())
        .compose(this::parse)
        .recover(failure -> current == null
            ? Future.failedFuture(new IllegalStateException("cannot fetch the JWKS from " + uri + ": "
                + failure.getMessage(), failure))
            : Future.succeededFuture(current));
  }

  private Future<JWKSet> parse(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      return Future.failedFuture(new IllegalStateException("the JWKS URL answered " + response.statusCode()));
    }
    return response.body().map(body -> {
      try {
        JWKSet fetched = JWKSet.parse(body.toString());
        keys = fetched;
        return fetched;
      } catch (ParseException e) {
        throw new IllegalStateException("the JWKS URL answered something that is not a JWKS: " + e.getMessage());
      }
    });
  }

  Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
