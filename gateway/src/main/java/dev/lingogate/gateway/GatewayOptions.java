package dev.lingogate.gateway;

import dev.lingogate.gateway.observability.AccessLogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway listens and which limits it applies.
 *
 * @param webRoot directory of the web page served for GET/HEAD of paths no route matches; null for none
 * @param stage the REST API stage name written into v1 events ({@code requestContext.path} starts with it)
 * @param maxBodyBytes largest request body accepted (API Gateway: 10 MB)
 * @param integrationTimeout longest wait for a function's answer (API Gateway: 29 s)
 * @param adminPort port of the metrics endpoint on 127.0.0.1 (0 for any free one), -1 for none
 * @param accessLogFormat the access log line with {@code $context} variables (a stage's
 *     {@code AccessLogSetting.Format}); null for {@link AccessLogFormat#DEFAULT}
 * @param eventLoops how many event loops serve requests (each with its own connections to proxied services)
 * @param idleTimeout how long a connection may stay silent before it is closed
 * @param headerTimeout how long a client may take to send a request's line and headers: a client
 *     trickling them in (slowloris) is cut off then, however busy it keeps the connection
 * @param openApiPath where the API's OpenAPI 3 document is served ({@code /openapi.json}); null for nowhere
 * @param docsPath where the API's documentation page (Swagger UI) is served ({@code /docs/}); null for nowhere
 * @param bodyBudgetBytes how many bytes of request bodies the gateway holds at once, over all its
 *     connections, from a body's first byte until its answer is ready: past it a request is refused
 *     with 429 rather than read, so a flood of large uploads cannot exhaust the heap; at least
 *     {@code maxBodyBytes}, so that one body of the largest size always fits
 */
public record GatewayOptions(String host, int port, Path webRoot, ApiKind apiKind, String stage,
                             long maxBodyBytes, Duration integrationTimeout, int adminPort, String accessLogFormat,
                             int eventLoops, Duration idleTimeout, Duration headerTimeout, String openApiPath,
                             String docsPath, long bodyBudgetBytes) {

  public static final int NO_ADMIN_PORT = -1;

  public static final long TEN_MEGABYTES = 10L * 1024 * 1024;
  public static final Duration TWENTY_NINE_SECONDS = Duration.ofSeconds(29);
  /** What Vert.x, like most servers, allows by default for request lines and header blocks. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  public static final String DEFAULT_OPENAPI_PATH = "/openapi.json";
  public static final String DEFAULT_DOCS_PATH = "/docs/";

  public GatewayOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(apiKind, "apiKind");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(integrationTimeout, "integrationTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    if (adminPort < NO_ADMIN_PORT || adminPort > 65535) {
      throw new IllegalArgumentException("adminPort must be within 0..65535, or -1 for none, was " + adminPort);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + maxBodyBytes);
    }
    if (integrationTimeout.isNegative() || integrationTimeout.isZero()) {
      throw new IllegalArgumentException("integrationTimeout must be positive, was " + integrationTimeout);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be at least 1, was " + eventLoops);
    }
    idleTimeout = positive(idleTimeout, DEFAULT_IDLE_TIMEOUT, "idleTimeout");
    headerTimeout = positive(headerTimeout, DEFAULT_HEADER_TIMEOUT, "headerTimeout");
    if (openApiPath != null && !openApiPath.startsWith("/")) {
      throw new IllegalArgumentException("openApiPath must start with '/', was " + openApiPath);
    }
    if (docsPath != null && !(docsPath.startsWith("/") && docsPath.endsWith("/"))) {
      throw new IllegalArgumentException("docsPath must start and end with '/', was " + docsPath);
    }
    if (bodyBudgetBytes < maxBodyBytes) {
      throw new IllegalArgumentException("bodyBudgetBytes must be at least maxBodyBytes (" + maxBodyBytes
          + "), was " + bodyBudgetBytes);
    }
  }

  /**
   * An eighth of the heap, counted in raw body bytes: a body held for a function is copied a few
   * times over (read, then written into the event as text or base64), so this keeps the bodies'
   * share of the heap well below half, beside everything else the process runs.
   */
  static long defaultBodyBudget(long maxBodyBytes) {
    return Math.max(maxBodyBytes, Runtime.getRuntime().maxMemory() / 8);
  }

  private static Duration positive(Duration value, Duration byDefault, String name) {
    if (value == null) {
      return byDefault;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /** Served by as many event loops as there are processors, the OpenAPI document and docs page at their defaults. */
  public GatewayOptions(String host, int port, Path webRoot, ApiKind apiKind, String stage, long maxBodyBytes,
                        Duration integrationTimeout, int adminPort, String accessLogFormat) {
    this(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, adminPort, accessLogFormat,
        Runtime.getRuntime().availableProcessors(), DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
        DEFAULT_OPENAPI_PATH, DEFAULT_DOCS_PATH, defaultBodyBudget(maxBodyBytes));
  }

  /** Without an admin port, with the default access log format. */
  public GatewayOptions(String host, int port, Path webRoot, ApiKind apiKind, String stage, long maxBodyBytes,
                        Duration integrationTimeout) {
    this(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, NO_ADMIN_PORT, null);
  }

  /** The format the access log is written in. */
  public String accessLogFormatOrDefault() {
    return accessLogFormat == null ? AccessLogFormat.DEFAULT : accessLogFormat;
  }

  /** 127.0.0.1:3000, no web page, a REST API with stage "Prod", API Gateway's own limits. */
  public static GatewayOptions defaults() {
    return new GatewayOptions("127.0.0.1", 3000, null, ApiKind.REST, "Prod", TEN_MEGABYTES, TWENTY_NINE_SECONDS);
  }

  public GatewayOptions withPort(int newPort) {
    return new GatewayOptions(host, newPort, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  public GatewayOptions withWebRoot(Path newWebRoot) {
    return new GatewayOptions(host, port, newWebRoot, apiKind, stage, maxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  public GatewayOptions withApiKind(ApiKind newApiKind) {
    return new GatewayOptions(host, port, webRoot, newApiKind, stage, maxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  /** A new body limit; the budget grows with it when it would no longer hold one body of the largest size. */
  public GatewayOptions withMaxBodyBytes(long newMaxBodyBytes) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, newMaxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath,
        Math.max(bodyBudgetBytes, newMaxBodyBytes));
  }

  public GatewayOptions withBodyBudgetBytes(long newBodyBudgetBytes) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, newBodyBudgetBytes);
  }

  public GatewayOptions withIntegrationTimeout(Duration newTimeout) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, newTimeout,
        adminPort, accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  public GatewayOptions withAdminPort(int newAdminPort) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, newAdminPort,
        accessLogFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  public GatewayOptions withAccessLogFormat(String newFormat) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, adminPort,
        newFormat, eventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  public GatewayOptions withEventLoops(int newEventLoops) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, adminPort,
        accessLogFormat, newEventLoops, idleTimeout, headerTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  public GatewayOptions withTimeouts(Duration newIdleTimeout, Duration newHeaderTimeout) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, adminPort,
        accessLogFormat, eventLoops, newIdleTimeout, newHeaderTimeout, openApiPath, docsPath, bodyBudgetBytes);
  }

  /** @param newOpenApiPath where the OpenAPI document is served, or null; @param newDocsPath the docs page, or null */
  public GatewayOptions withDocumentation(String newOpenApiPath, String newDocsPath) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, adminPort,
        accessLogFormat, eventLoops, idleTimeout, headerTimeout, newOpenApiPath, newDocsPath, bodyBudgetBytes);
  }
}
