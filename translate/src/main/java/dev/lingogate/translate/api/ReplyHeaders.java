package dev.lingogate.translate.api;

import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lingogate's own headers on Translate's replies, such as the chain a translation went through.
 * An operation of the edge's JSON contract answers a body only, and a member added to the body
 * would be dropped by every AWS SDK, which reads the members of AWS's model and no others; a header
 * reaches the caller through any SDK ({@code response.sdkHttpResponse().firstMatchingHeader(...)}).
 * So an operation adds its headers here, under the call's request id, and the service they are
 * {@linkplain #addedTo added to} moves them onto the reply as it is written.
 */
final class ReplyHeaders {

    private final Map<String, Map<String, String>> byRequest = new ConcurrentHashMap<>();

    /** Puts a header on the reply to {@code request}, if the call succeeds. */
    void add(AwsRequest request, String name, String value) {
        byRequest.computeIfAbsent(request.requestId(), id -> new LinkedHashMap<>()).put(name, value);
    }

    /** The service answering as {@code service} does, with the headers its operations added on each reply. */
    AwsService addedTo(AwsService service) {
        return new AwsService() {
            @Override
            public String name() {
                return service.name();
            }

            @Override
            public boolean answers(String method, String rawPath, String target) {
                return service.answers(method, rawPath, target);
            }

            @Override
            public CompletionStage<AwsReply> call(AwsRequest request) {
                try {
                    return service.call(request).thenApply(reply -> withAdded(reply, byRequest.remove(request.requestId())))
                            .whenComplete((reply, failure) -> byRequest.remove(request.requestId()));
                } catch (RuntimeException e) {
                    byRequest.remove(request.requestId());
                    throw e;
                }
            }

            @Override
            public AwsReply errorReply(AwsException error) {
                return service.errorReply(error);
            }
        };
    }

    private static AwsReply withAdded(AwsReply reply, Map<String, String> added) {
        if (added == null) {
            return reply;
        }
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.putAll(added);
        return new AwsReply(reply.status(), Map.copyOf(headers), reply.body());
    }
}
