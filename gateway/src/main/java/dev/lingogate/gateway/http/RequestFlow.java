package dev.lingogate.gateway.http;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.GatewayOptions;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.admission.Admission;
import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.authorization.Authorizers;
import dev.lingogate.gateway.cors.CorsPolicy;
import dev.lingogate.gateway.event.ProxyEvent;
import dev.lingogate.gateway.integration.HttpProxyIntegration;
import dev.lingogate.gateway.integration.Integration;
import dev.lingogate.gateway.observability.AccessLogFormat;
import dev.lingogate.gateway.observability.GatewayMetrics;
import dev.lingogate.gateway.observability.RequestRecord;
import dev.lingogate.gateway.observability.TraceParent;
import dev.lingogate.gateway.request.BodyBudget;
import dev.lingogate.gateway.request.BodyLimit;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.request.RequestId;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.GatewayResponse;
import dev.lingogate.gateway.response.IntegrationResponse;
import dev.lingogate.gateway.routing.RequestPath;
import dev.lingogate.gateway.routing.RouteMatch;
import dev.lingogate.gateway.routing.RouteTable;
import dev.lingogate.gateway.statics.WebRoot;
import dev.lingogate.gateway.openapi.Documentation;
import dev.lingogate.gateway.validation.RequestValidators;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * The path of one request through the gateway, top to bottom: answer the API's documentation or a
 * CORS preflight, or match the route; ask its authorizer, check keys and throttles, read the body
 * within its limit and validate the request; then build the event and invoke the function, mapping
 * its answer, or forward the request to the route's HTTP service; add the CORS headers, write the
 * response (and the access log line). A request no route matches is a file of the web page or the
 * API's unknown-route answer.
 */
public final class RequestFlow implements Handler<HttpServerRequest> {

  static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
  private static final byte[] NO_BODY = new byte[0];

  private final Vertx vertx;
  private final RouteTable routes;
  private final CorsPolicy cors;
  private final Authorizers authorizers;
  private final Admission admission;
  private final RequestValidators validators;
  private final AccessLog accessLog;
  private final BodyLimit bodyLimit;
  private final ProxyEvent events;
  private final Integration integration;
  private final HttpProxyIntegration httpProxy;
  private final Documentation documentation;
  private final WebRoot webRoot;
  private final GatewayError unknownRoute;

  public RequestFlow(Vertx vertx, GatewayOptions options, RouteTable routes, Documentation documentation,
                     CorsPolicy cors, Authorizers authorizers, Admission admission, RequestValidators validators,
                     ProxyEvent events, Integration integration, HttpProxyIntegration httpProxy,
                     GatewayMetrics metrics) {
    this.vertx = vertx;
    this.routes = routes;
    this.documentation = documentation;
    this.cors = cors;
    this.authorizers = authorizers;
    this.admission = admission;
    this.validators = validators;
    this.accessLog = new AccessLog(new AccessLogFormat(options.accessLogFormatOrDefault()), metrics);
    BodyBudget bodyBudget = new BodyBudget(options.bodyBudgetBytes());
    metrics.gauge("gateway.request.body.bytes.held", "Bytes of request bodies held, of the gateway's budget",
        bodyBudget::held);
    this.bodyLimit = new BodyLimit(options.maxBodyBytes(), bodyBudget);
    this.events = events;
    this.integration = integration;
    this.httpProxy = httpProxy;
    this.webRoot = options.webRoot() == null ? null : new WebRoot(options.webRoot());
    this.unknownRoute = options.apiKind() == ApiKind.REST
        ? GatewayError.MISSING_AUTHENTICATION_TOKEN
        : GatewayError.NOT_FOUND;
  }

  @Override
  public void handle(HttpServerRequest http) {
    RequestRecord record = begin(http);
    String requestId = record.requestId();
    try {
      if (documentation.answer(http)) {
        return;
      }
      List<String> path = RequestPath.decode(http.path());
      GatewayResponse preflight = http.method() == HttpMethod.OPTIONS
          ? cors.preflight(http, routes.methodsAt(path))
          : null;
      if (preflight != null) {
        admission.admitPreflight(http.getHeader("x-api-key"));
        ResponseWriter.write(http, preflight);
        return;
      }
      Optional<RouteMatch> match = routes.match(http.method().name(), path);
      if (match.isPresent()) {
        integrate(http, record, match.get());
      } else {
        serveWebPageOrRefuse(http, requestId);
      }
    } catch (RuntimeException e) {
      ResponseWriter.fail(http, requestId, e);
    }
  }

  /** Answers a request the HTTP decoder could not make sense of, then drops the connection. */
  public void handleInvalid(HttpServerRequest http) {
    begin(http);
    ResponseWriter.write(http, invalidRequestError(http.decoderResult()).response().closingConnection());
  }

  /** Netty tells an overlong request line or header block only by its exception's wording. */
  private static GatewayError invalidRequestError(DecoderResult result) {
    if (result.cause() instanceof TooLongFrameException tooLong) {
      String message = String.valueOf(tooLong.getMessage());
      if (message.startsWith("An HTTP line is larger than")) {
        return GatewayError.URI_TOO_LONG;
      }
      if (message.startsWith("HTTP header is larger than")) {
        return GatewayError.HEADERS_TOO_LARGE;
      }
    }
    return GatewayError.BAD_REQUEST;
  }

  private RequestRecord begin(HttpServerRequest http) {
    RequestRecord record = new RequestRecord(RequestId.next(), http);
    http.response().putHeader(REQUEST_ID_HEADER, record.requestId());
    accessLog.watch(http, record);
    return record;
  }

  private void integrate(HttpServerRequest http, RequestRecord record, RouteMatch match) {
    Route route = match.route();
    String requestId = record.requestId();
    record.matched(route);
    // The function sees the trace this request belongs to, continued from the client's or begun here.
    http.headers().set(TraceParent.HEADER, TraceParent.passOn(http.getHeader(TraceParent.HEADER)));
    IncomingRequest head = IncomingRequest.from(http, requestId, record.receivedAtMillis(), NO_BODY);
    // The body waits unread (and a 100-continue unanswered) until the caller is let in.
    if (BodyLimit.hasBody(http)) {
      http.pause();
    }
    BodyBudget.Share bodyShare = bodyLimit.share();
    authorizers.authorize(head, match)
        .compose(authorization -> {
          ApiKey apiKey = admit(http, record, route);
          return bodyLimit.read(http, bodyShare).compose(body -> {
            IncomingRequest request = head.withBody(body);
            validators.check(route, request);
            return route.httpProxy() != null
                ? timed(record, httpProxy.forward(route.httpProxy(), match, request, http))
                : timed(record, integration.invoke(route.functionName(),
                    events.build(request, match, apiKey, authorization)))
                    .map(outcome -> IntegrationResponse.of(outcome, route.format()));
          });
        })
        .map(answer -> cors.decorate(http.getHeader("origin"), answer))
        .onComplete(answer -> {
          bodyShare.release();
          ResponseWriter.write(http, requestId, answer);
        });
  }

  private ApiKey admit(HttpServerRequest http, RequestRecord record, Route route) {
    ApiKey apiKey = admission.admit(route, http.getHeader("x-api-key"));
    if (apiKey != null) {
      record.admittedWithKey(apiKey.id());
    }
    return apiKey;
  }

  /**
   * The call's answer, once its latency is noted. A future of its own, so that the call's future has
   * one listener: a second would be kept in a list made for ten.
   */
  private static <T> Future<T> timed(RequestRecord record, Future<T> integrationCall) {
    long started = System.nanoTime();
    Promise<T> timed = Promise.promise();
    integrationCall.onComplete((answer, failure) -> {
      record.integrationTook(System.nanoTime() - started);
      timed.complete(answer, failure);
    });
    return timed.future();
  }

  private void serveWebPageOrRefuse(HttpServerRequest http, String requestId) {
    boolean readsPage = http.method() == HttpMethod.GET || http.method() == HttpMethod.HEAD;
    if (webRoot == null || !readsPage) {
      ResponseWriter.write(http, unknownRoute);
      return;
    }
    vertx.executeBlocking(() -> webRoot.find(http.path()), false).onComplete(lookup -> {
      if (lookup.failed()) {
        ResponseWriter.fail(http, requestId, lookup.cause());
      } else if (lookup.result() instanceof WebRoot.Lookup.Found file) {
        ResponseWriter.sendFile(http, file);
      } else if (lookup.result() instanceof WebRoot.Lookup.Refused) {
        ResponseWriter.write(http, GatewayError.NOT_FOUND);
      } else {
        ResponseWriter.write(http, unknownRoute);
      }
    });
  }
}
