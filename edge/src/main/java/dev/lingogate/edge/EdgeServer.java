package dev.lingogate.edge;

import dev.lingogate.iam.Principal;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import dev.lingogate.iam.sigv4.SignatureException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS edge: one HTTP port on which every AWS API of Lingogate answers, as AWS's endpoints do.
 * Each call's SigV4 signature is verified, the call goes to the service that answers it, and the
 * answer (or the AWS error) goes back with an {@code x-amzn-RequestId}.
 */
public final class EdgeServer {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);
    private static final String HEALTH_PATH = "/_lingogate/health";

    private final Vertx vertx;
    private final EdgeOptions options;
    private final SigV4Verifier verifier;
    private final List<AwsService> services;
    private final Backlog workerBacklog;
    private final Backlog bodyBacklog;
    private WorkerExecutor workers;
    private HttpServer server;

    public EdgeServer(Vertx vertx, EdgeOptions options, SigV4Verifier verifier, List<AwsService> services) {
        this.vertx = vertx;
        this.options = options;
        this.verifier = verifier;
        this.services = List.copyOf(services);
        this.workerBacklog = new Backlog(options.workerBacklog());
        this.bodyBacklog = new Backlog(options.bodyBacklog());
    }

    public Future<Void> start() {
        // Services may block on SQLite or a pipe to Apertium: they run on workers, never the event loop.
        workers = vertx.createSharedWorkerExecutor("lingogate-edge", 64);
        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setMaxInitialLineLength(16 * 1024)
                .setIdleTimeout(120));
        return server.requestHandler(this::handle).listen().mapEmpty();
    }

    /** The port the edge listens on; the real one when it was started on port 0. */
    public int port() {
        return server.actualPort();
    }

    public Future<Void> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.onComplete(done -> {
            if (workers != null) {
                workers.close();
            }
        });
    }

    private void handle(HttpServerRequest request) {
        if (HEALTH_PATH.equals(request.path())) {
            request.response().putHeader("Content-Type", "application/json")
                    .putHeader("x-amzn-RequestId", RequestIds.next()).end("{\"status\":\"ok\"}");
            return;
        }
        Optional<AwsService> service = serviceFor(request);
        String requestId = service.map(AwsService::newRequestId).orElseGet(RequestIds::next);
        String declaredLength = request.getHeader("content-length");
        long declared = declaredLength == null ? -1 : parseLength(declaredLength);
        if (declared > options.maxBodyBytes()) {
            tooLarge(request, requestId, service);
            return;
        }
        long claimed = declared >= 0 ? declared
                : request.getHeader("transfer-encoding") != null ? options.maxBodyBytes() : 0;
        if (!bodyBacklog.tryAdd(claimed)) {
            overloaded(request, requestId, service);
            return;
        }
        readBody(request).onComplete(read -> {
            bodyBacklog.remove(claimed);
            if (read.failed()) {
                tooLarge(request, requestId, service);
                return;
            }
            dispatch(request, requestId, service, read.result().getBytes());
        });
    }

    /** The service that claims the call, or else the one that owns the endpoint, if any does. */
    private Optional<AwsService> serviceFor(HttpServerRequest request) {
        String target = request.getHeader("x-amz-target");
        return services.stream().filter(s -> s.answers(request.method().name(), request.path(), target)).findFirst()
                .or(() -> services.stream().filter(AwsService::ownsTheEndpoint).findFirst());
    }

    private void dispatch(HttpServerRequest request, String requestId, Optional<AwsService> service, byte[] body) {
        Map<String, List<String>> headers = headersOf(request.headers());
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 carries the host as the :authority pseudo-header, which SigV4 signs as "host".
            headers.put("host", List.of(request.authority().toString()));
        }
        String rawQuery = request.query() == null ? "" : request.query();
        IncomingCall incoming = new IncomingCall(request.method().name(), request.path(), rawQuery, headers, body);
        // AWS's front end, in its order: a browser's preflight, the call's shape (method, content type,
        // body, operation), the presence of credentials, the signature; only then the service.
        if (CrossOrigin.answer(incoming, request.response())) {
            request.response().putHeader("x-amzn-RequestId", requestId).end();
            return;
        }
        Optional<AwsReply> screened = service.flatMap(s -> s.screen(incoming));
        if (screened.isPresent()) {
            send(request.response(), requestId, screened.get());
            return;
        }
        if (service.isEmpty()) {
            reject(request, requestId, service, incoming, new AwsException(400, "UnknownOperationException", null));
            return;
        }
        Principal caller;
        try {
            CredentialsPresence.check(incoming);
            caller = verifier.verify(QueryStringSignature.of(incoming));
        } catch (SignatureException e) {
            reject(request, requestId, service, incoming, new AwsException(400, e.errorCode(), e.getMessage()));
            return;
        } catch (AwsException e) {
            reject(request, requestId, service, incoming, e);
            return;
        }
        AwsRequest call = new AwsRequest(requestId, incoming.method(), incoming.rawPath(), rawQuery, headers, body, caller);
        AwsService answering = service.get();
        Future<AwsReply> answer = answering.mayBlock(call) ? answeredOnAWorker(answering, call)
                : answeredOnThisLoop(answering, call);
        answer.onComplete(done -> {
            if (done.succeeded()) {
                send(request.response(), requestId, done.result());
            } else {
                send(request.response(), requestId, answering.errorReply(asAwsError(done.cause(), answering), incoming));
            }
        });
    }

    /**
     * A call that may block, run on a worker; or, when the edge already holds as many such calls as
     * it may, turned away at once with the service's overloaded error: Vert.x queues work for its
     * workers without bound, and each call waiting holds its body.
     */
    private Future<AwsReply> answeredOnAWorker(AwsService answering, AwsRequest call) {
        long size = call.body().length;
        if (!workerBacklog.tryAdd(size)) {
            return Future.failedFuture(answering.overloaded());
        }
        return workers.<CompletionStage<AwsReply>>executeBlocking(() -> {
            try {
                return answering.call(call);
            } finally {
                workerBacklog.remove(size);
            }
        }, false).compose(Future::fromCompletionStage);
    }

    /** A call that does not block, answered on the event loop it came in on; its answer is sent from there too. */
    private Future<AwsReply> answeredOnThisLoop(AwsService answering, AwsRequest call) {
        try {
            return Future.fromCompletionStage(answering.call(call), vertx.getOrCreateContext());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * A body over the limit is refused without being read further; AWS answers it chunked, as a
     * reply written before the request was all read.
     */
    private void tooLarge(HttpServerRequest request, String requestId, Optional<AwsService> service) {
        AwsException error = new AwsException(413, "RequestEntityTooLargeException",
                "Request must be smaller than " + options.maxBodyBytes() + " bytes");
        AwsReply reply = service.map(s -> s.errorReply(error)).orElseGet(() -> genericError(error));
        request.response().setChunked(true);
        send(request.response(), requestId, reply);
    }

    /**
     * A call whose body the edge has no room to read is answered its service's overloaded error at
     * once; the body stays unread, so the connection cannot carry another call.
     */
    private void overloaded(HttpServerRequest request, String requestId, Optional<AwsService> service) {
        AwsException error = service.map(AwsService::overloaded).orElseGet(AwsService::throttling);
        AwsReply reply = service.map(s -> s.errorReply(error)).orElseGet(() -> genericError(error));
        request.pause();
        request.response().putHeader("Connection", "close");
        send(request.response(), requestId, reply).onComplete(written -> request.connection().close());
    }

    private static AwsException asAwsError(Throwable failure, AwsService service) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AwsException aws) {
            return aws;
        }
        LOG.error("{} failed with an unexpected error", service.name(), cause);
        return new AwsException(500, "InternalFailure",
                "The request processing has failed because of an unknown error, exception or failure.");
    }

    private void reject(HttpServerRequest request, String requestId, Optional<AwsService> service, IncomingCall call,
            AwsException error) {
        AwsReply reply = service.map(s -> s.errorReply(error, call)).orElseGet(() -> genericError(error));
        send(request.response(), requestId, reply);
    }

    private static AwsReply genericError(AwsException error) {
        String message = error.getMessage() == null ? "" : ",\"message\":\"" + error.getMessage().replace("\"", "'") + "\"";
        return new AwsReply(error.status(), Map.of("Content-Type", "application/json", "x-amzn-ErrorType", error.errorType()),
                ("{\"__type\":\"com.amazon.coral.service#" + error.errorType() + "\"" + message + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static Future<Void> send(HttpServerResponse response, String requestId, AwsReply reply) {
        if (response.closed()) {
            return Future.succeededFuture();
        }
        response.setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        response.putHeader("x-amzn-RequestId", requestId);
        return response.end(Buffer.buffer(reply.body()));
    }

    private Future<Buffer> readBody(HttpServerRequest request) {
        io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > options.maxBodyBytes()) {
                promise.tryFail("body too large");
                request.pause();
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> promise.tryComplete(body));
        request.exceptionHandler(promise::tryFail);
        return promise.future();
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, List<String>> headersOf(MultiMap headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach(entry -> out.computeIfAbsent(entry.getKey().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                .add(entry.getValue()));
        return out;
    }
}
