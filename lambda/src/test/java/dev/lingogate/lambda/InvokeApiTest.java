package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The Invoke API on a real edge, called by the AWS SDK's own LambdaClient. */
class InvokeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static Vertx vertx;
    private static FunctionHost host;
    private static RunningEdge edge;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        host = new FunctionHost(vertx, TestFunctions.options(dataDir, 1));
        host.register(function("echo", "Echo"));
        host.register(function("thrower", "Thrower"));
        host.register(function("sleeper", "Sleeper").withReservedConcurrency(1));
        host.register(function("impatient", "Sleeper", 1, Map.of()));
        host.register(function("printer", "Printer"));
        edge = new RunningEdge(vertx, List.of(host.invokeApi()));
        lambda = edge.lambdaClient(RunningEdge.ADMIN);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        edge.close();
        host.close();
        vertx.close().await();
    }

    private static InvokeResponse invoke(String functionName, InvocationType type, String payload) {
        return lambda.invoke(r -> r.functionName(functionName).invocationType(type).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void requestResponseInvocationAnswersTheFunctionsPayload() {
        InvokeResponse response = invoke("echo", InvocationType.REQUEST_RESPONSE, "{\"text\":\"Guten Tag\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"text\":\"Guten Tag\"}");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.functionError()).isNull();
    }

    @Test
    void logTypeTailAnswersTheInvocationsLogBase64() {
        InvokeResponse response = lambda.invoke(r -> r.functionName("printer").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"line\": \"Bonjour\", \"errorLine\": \"Hola\"}")));

        String requestId = response.responseMetadata().requestId();
        List<String> log = List.of(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8).split("\n"));
        assertThat(log.get(0)).isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
        assertThat(log.subList(1, 3)).containsExactlyInAnyOrder("Bonjour", "Hola");
        assertThat(log.get(3)).isEqualTo("END RequestId: " + requestId);
        assertThat(log.get(4)).startsWith("REPORT RequestId: " + requestId + "\tDuration: ");
        assertThat(log).hasSize(5);
    }

    @Test
    void logTailIsTheLastFourKilobytesOfTheInvocationsLog() {
        String longLine = "x".repeat(10_000);
        InvokeResponse response = lambda.invoke(r -> r.functionName("printer").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"line\": \"" + longLine + "\", \"errorLine\": \"after\"}")));

        byte[] tail = Base64.getDecoder().decode(response.logResult());
        assertThat(tail).hasSize(4096);
        assertThat(new String(tail, StandardCharsets.UTF_8)).startsWith("xxxx").contains("END RequestId: ").contains("\nREPORT RequestId: ");
    }

    @Test
    void withoutLogTypeTailNoLogIsReturned() {
        InvokeResponse response = invoke("printer", InvocationType.REQUEST_RESPONSE, "{\"line\": \"quiet\"}");

        assertThat(response.logResult()).isNull();
    }

    @Test
    void unknownLogTypeIsAValidationError400() {
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("echo").logType("Everything")
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'Everything'"
                            + " at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]");
                });
    }

    @Test
    void functionArnIsAcceptedAsItsName() {
        InvokeResponse response = invoke("arn:aws:lambda:us-east-1:000000000000:function:echo", InvocationType.REQUEST_RESPONSE, "[1,2]");

        assertThat(response.payload().asUtf8String()).isEqualTo("[1,2]");
    }

    @Test
    void uncaughtExceptionIsAnUnhandledFunctionErrorWithItsErrorDocument() throws Exception {
        InvokeResponse response = invoke("thrower", InvocationType.REQUEST_RESPONSE, "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("the translation table is missing");
        assertThat(error.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void timeoutIsAnUnhandledFunctionError() throws Exception {
        InvokeResponse response = invoke("impatient", InvocationType.REQUEST_RESPONSE, "{\"sleepMillis\": 20000}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Task timed out after 1.00 seconds");
    }

    @Test
    void dryRunAnswers204WithoutRunningTheFunction() {
        InvokeResponse response = invoke("thrower", InvocationType.DRY_RUN, "{}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.functionError()).isNull();
    }

    @Test
    void eventInvocationIsAcceptedWith202() {
        InvokeResponse response = invoke("echo", InvocationType.EVENT, "{}");

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void unknownFunctionIsResourceNotFound404() {
        assertThatThrownBy(() -> invoke("nobody", InvocationType.REQUEST_RESPONSE, "{}"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody");
                });
    }

    @Test
    void callerWithoutInvokeFunctionPermissionIsDenied403() {
        try (LambdaClient outsider = edge.lambdaClient(RunningEdge.NOBODY)) {
            assertThatThrownBy(() -> outsider.invoke(r -> r.functionName("echo").payload(SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/nobody"
                                + " is not authorized to perform: lambda:InvokeFunction on resource:"
                                + " arn:aws:lambda:us-east-1:000000000000:function:echo"
                                + " because no identity-based policy allows the lambda:InvokeFunction action");
                    });
        }
    }

    @Test
    void payloadThatIsNotJsonIsInvalidRequestContent400() {
        assertThatThrownBy(() -> invoke("echo", InvocationType.REQUEST_RESPONSE, "not json"))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Could not parse request body into json: ");
                });
    }

    @Test
    void invocationPastReservedConcurrencyIsTooManyRequests429() throws Exception {
        CompletionStage<Invocation> busy = host.invoke("sleeper", "{\"sleepMillis\": 3000}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> invoke("sleeper", InvocationType.REQUEST_RESPONSE, "{}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                });
        assertThat(busy.toCompletableFuture().get(30, TimeUnit.SECONDS)).isInstanceOf(Invocation.Returned.class);
    }
}
