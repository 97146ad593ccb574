package dev.lingogate.gateway.openapi;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's documentation, answered by the gateway itself for GET and HEAD: the OpenAPI document at
 * its path, and Swagger UI from its webjar at the docs path (files read once from the jar, then
 * from memory; nothing comes from a CDN), set up to show that document.
 */
public final class Documentation {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "png", "image/png");

  private final Vertx vertx;
  private final String openApiPath;
  private final String docsPath;
  /** The docs path without its trailing slash, which is redirected to the docs path. */
  private final String docsPathUnslashed;
  private final Buffer document;
  private final String webjarRoot;
  private final Buffer initializer;
  private final Map<String, Optional<Buffer>> files = new ConcurrentHashMap<>();

  /**
   * @param openApiPath where the document is served; null for nowhere
   * @param docsPath where Swagger UI is served (ending in '/'); null for nowhere
   */
  public Documentation(Vertx vertx, String openApiPath, String docsPath, OpenApiDocument document) {
    this.vertx = vertx;
    this.openApiPath = openApiPath;
    this.docsPath = docsPath;
    this.docsPathUnslashed = docsPath == null ? null : docsPath.substring(0, docsPath.length() - 1);
    this.document = Buffer.buffer(document.json());
    this.webjarRoot = docsPath == null ? null : WEBJAR + swaggerUiVersion() + "/";
    this.initializer = Buffer.buffer(("window.onload = function() {\n"
        + "  window.ui = SwaggerUIBundle({url: \"" + (openApiPath == null ? "" : openApiPath) + "\", "
        + "dom_id: '#swagger-ui', deepLinking: true,\n"
        + "    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: \"StandaloneLayout\"});\n"
        + "};\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Answers the request if it asks for the documentation; false when it is for the routes. */
  public boolean answer(HttpServerRequest http) {
    if (http.method() != HttpMethod.GET && http.method() != HttpMethod.HEAD) {
      return false;
    }
    String path = http.path();
    if (openApiPath != null && path.equals(openApiPath)) {
      send(http, "application/json", document);
      return true;
    }
    if (docsPath == null || !path.startsWith(docsPath) && !path.equals(docsPathUnslashed)) {
      return false;
    }
    if (path.length() < docsPath.length()) {
      // Relative links in the page need the trailing slash.
      http.response().setStatusCode(301).putHeader("location", docsPath).end();
      return true;
    }
    String name = path.length() == docsPath.length() ? "index.html" : path.substring(docsPath.length());
    if (name.equals("swagger-initializer.js")) {
      send(http, CONTENT_TYPES.get("js"), initializer);
      return true;
    }
    vertx.executeBlocking(() -> file(name), false).onComplete(found -> {
      if (found.succeeded() && found.result().isPresent()) {
        send(http, contentType(name), found.result().get());
      } else {
        http.response().setStatusCode(404).putHeader("content-type", "application/json")
            .end("{\"message\":\"Not Found\"}");
      }
    });
    return true;
  }

  /** A file of the webjar, by a plain name only (no directories, so nothing else on the classpath). */
  private Optional<Buffer> file(String name) {
    if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
      return Optional.empty();
    }
    return files.computeIfAbsent(name, n -> {
      try (InputStream in = Documentation.class.getClassLoader().getResourceAsStream(webjarRoot + n)) {
        return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void send(HttpServerRequest http, String contentType, Buffer body) {
    HttpServerResponse response = http.response().putHeader("content-type", contentType);
    if (http.method() == HttpMethod.HEAD) {
      response.putHeader("content-length", Integer.toString(body.length())).end();
    } else {
      response.end(body);
    }
  }

  private static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static String swaggerUiVersion() {
    try (InputStream in = Documentation.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
