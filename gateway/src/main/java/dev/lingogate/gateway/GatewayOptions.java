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
 */
public record GatewayOptions(String host, int port, Path webRoot, ApiKind apiKind, String stage,
                             long maxBodyBytes, Duration integrationTimeout, int adminPort, String accessLogFormat) {

  public static final int NO_ADMIN_PORT = -1;

  public static final long TEN_MEGABYTES = 10L * 1024 * 1024;
  public static final Duration TWENTY_NINE_SECONDS = Duration.ofSeconds(29);

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
        adminPort, accessLogFormat);
  }

  public GatewayOptions withWebRoot(Path newWebRoot) {
    return new GatewayOptions(host, port, newWebRoot, apiKind, stage, maxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat);
  }

  public GatewayOptions withApiKind(ApiKind newApiKind) {
    return new GatewayOptions(host, port, webRoot, newApiKind, stage, maxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat);
  }

  public GatewayOptions withMaxBodyBytes(long newMaxBodyBytes) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, newMaxBodyBytes, integrationTimeout,
        adminPort, accessLogFormat);
  }

  public GatewayOptions withIntegrationTimeout(Duration newTimeout) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, newTimeout,
        adminPort, accessLogFormat);
  }

  public GatewayOptions withAdminPort(int newAdminPort) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, newAdminPort,
        accessLogFormat);
  }

  public GatewayOptions withAccessLogFormat(String newFormat) {
    return new GatewayOptions(host, port, webRoot, apiKind, stage, maxBodyBytes, integrationTimeout, adminPort,
        newFormat);
  }
}
