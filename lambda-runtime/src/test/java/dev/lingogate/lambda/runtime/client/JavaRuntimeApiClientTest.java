package dev.lingogate.lambda.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaError;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeClientException;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.RapidErrorType;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.ErrorRequest;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JavaRuntimeApiClientTest {

    private static final String ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}";

    private ScriptedRuntimeApi api;
    private JavaRuntimeApiClient client;

    @BeforeEach
    void start() throws Exception {
        api = new ScriptedRuntimeApi();
        client = new JavaRuntimeApiClient(api.address());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theNextEventCarriesEveryRuntimeApiHeader() throws Exception {
        api.answer("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\n"
                + "Lambda-Runtime-Deadline-Ms: 1542409706888\r\n"
                + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:echo\r\n"
                + "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n"
                + "Lambda-Runtime-Client-Context: {\"client\":{\"app_title\":\"app\"}}\r\n"
                + "Lambda-Runtime-Cognito-Identity: {\"cognitoIdentityId\":\"id\"}\r\n"
                + "Lambda-Runtime-Aws-Tenant-Id: tenant-1\r\n"
                + "Content-Length: 13\r\n\r\n{\"text\":\"hi\"}");

        InvocationRequest event = client.nextInvocation();

        assertThat(event.getId()).isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        assertThat(event.getDeadlineTimeInMs()).isEqualTo(1542409706888L);
        assertThat(event.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
        assertThat(event.getXrayTraceId()).isEqualTo("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
        assertThat(event.getClientContext()).isEqualTo("{\"client\":{\"app_title\":\"app\"}}");
        assertThat(event.getCognitoIdentity()).isEqualTo("{\"cognitoIdentityId\":\"id\"}");
        assertThat(event.getTenantId()).isEqualTo("tenant-1");
        assertThat(new String(event.getContent(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hi\"}");
        ScriptedRuntimeApi.Received request = api.nextReceived();
        assertThat(request.requestLine()).isEqualTo("GET /2018-06-01/runtime/invocation/next HTTP/1.1");
        assertThat(request.headers()).containsEntry("host", api.address()).containsKey("user-agent");
    }

    @Test
    void headersLambdaLeavesOutAreAbsentAsWithTheNativeClient() throws Exception {
        api.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nContent-Length: 2\r\n\r\n{}");

        InvocationRequest event = client.nextInvocation();

        assertThat(event.getId()).isEqualTo("r1");
        assertThat(event.getInvokedFunctionArn()).isEmpty();
        assertThat(event.getXrayTraceId()).isNull();
        assertThat(event.getClientContext()).isNull();
        assertThat(event.getCognitoIdentity()).isNull();
        assertThat(event.getTenantId()).isNull();
    }

    @Test
    void aChunkedEventIsReadWhole() throws Exception {
        api.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\n" + "a;name=value\r\n\"12345678\"\r\n" + "1\r\n}\r\n" + "0\r\n\r\n");
        api.answer(ACCEPTED);

        InvocationRequest event = client.nextInvocation();
        client.reportInvocationSuccess(event.getId(), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(event.getContent(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"12345678\"}");
        assertThat(api.connectionsAccepted()).as("the connection stays usable after a chunked answer").isEqualTo(1);
    }

    @Test
    void anAnswerArrivingInPiecesIsPutTogether() throws Exception {
        api.answerInParts("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Req", "uest-Id: r1\r\nContent-Length: 13\r\n\r\n{\"te",
                "xt\":\"hi\"}");

        InvocationRequest event = client.nextInvocation();

        assertThat(event.getId()).isEqualTo("r1");
        assertThat(new String(event.getContent(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hi\"}");
    }

    @Test
    void anInvocationsResponseIsPostedOnTheSameConnection() throws Exception {
        api.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nContent-Length: 2\r\n\r\n{}");
        api.answer(ACCEPTED);
        api.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r2\r\nContent-Length: 2\r\n\r\n[]");

        client.reportInvocationSuccess(client.nextInvocation().getId(), "\"héllo\"".getBytes(StandardCharsets.UTF_8));
        InvocationRequest second = client.nextInvocation();

        api.nextReceived();
        ScriptedRuntimeApi.Received response = api.nextReceived();
        assertThat(response.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/r1/response HTTP/1.1");
        assertThat(response.headers()).containsEntry("content-type", "application/json").containsEntry("content-length", "8");
        assertThat(response.body()).isEqualTo("\"héllo\"");
        assertThat(second.getId()).isEqualTo("r2");
        assertThat(api.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aConnectionTheHostClosedIsOpenedAgain() throws Exception {
        api.answerThenClose("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nContent-Length: 2\r\n\r\n{}");
        api.answer(ACCEPTED);

        client.reportInvocationSuccess(client.nextInvocation().getId(), "{}".getBytes(StandardCharsets.UTF_8));

        api.nextReceived();
        assertThat(api.nextReceived().requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/r1/response HTTP/1.1");
        assertThat(api.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void anErrorStatusForTheNextEventIsTheOfficialClientsException() {
        api.answer("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");

        assertThatThrownBy(client::nextInvocation)
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessage("Failed to get next. Response code: '500'.");
    }

    @Test
    void aRejectedResponseIsTheOfficialClientsException() throws Exception {
        api.answer("HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

        assertThatThrownBy(() -> client.reportInvocationSuccess("r1", new byte[10]))
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessage("Failed to post invocation response. Response code: '413'.");
    }

    @Test
    void anInvocationErrorIsPostedWithItsTypeAndDocument() throws Exception {
        api.answer(ACCEPTED);

        client.reportInvocationError("r1", new LambdaError(
                new ErrorRequest("boom", "java.lang.IllegalStateException", new String[] {"a.B.c(B.java:1)"}), RapidErrorType.UserException));

        ScriptedRuntimeApi.Received report = api.nextReceived();
        assertThat(report.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/r1/error HTTP/1.1");
        assertThat(report.headers()).containsEntry("lambda-runtime-function-error-type", "Runtime.UserException");
        assertThat(report.body()).contains("\"errorMessage\":\"boom\"", "\"errorType\":\"java.lang.IllegalStateException\"",
                "a.B.c(B.java:1)");
    }

    @Test
    void anErrorReportTheHostRejectsNamesTheEndpointAndStatus() {
        api.answer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");

        assertThatThrownBy(() -> client.reportInitError(new LambdaError(
                new ErrorRequest("no class", "java.lang.ClassNotFoundException", new String[0]), RapidErrorType.BadFunctionCode)))
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessage("http://" + api.address() + "/2018-06-01/runtime/init/error Response code: '400'.");
    }

    @Test
    void aHostThatIsNotListeningIsAFailureWithoutAStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        JavaRuntimeApiClient nowhere = new JavaRuntimeApiClient("127.0.0.1:" + closedPort);

        assertThatThrownBy(nowhere::nextInvocation)
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessageStartingWith("Failed to get next.")
                .hasMessageEndingWith("Response code: '-1'.");
    }

    @Test
    void anAnswerCutShortIsAFailureAndTheNextRequestConnectsAgain() throws Exception {
        api.answerThenClose("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nContent-Length: 100\r\n\r\n{\"half\":");
        api.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r2\r\nContent-Length: 2\r\n\r\n{}");

        assertThatThrownBy(client::nextInvocation)
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessageContaining("closed the connection in the middle of an answer");
        assertThat(client.nextInvocation().getId()).isEqualTo("r2");
        assertThat(api.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aHeaderLineLongerThanTheBufferIsAFailure() {
        api.answerThenClose("HTTP/1.1 200 OK\r\nLambda-Runtime-Client-Context: " + "x".repeat(70_000) + "\r\nContent-Length: 0\r\n\r\n");

        assertThatThrownBy(client::nextInvocation)
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessageContaining("a line from the Runtime API is longer than 65536 bytes");
    }

    @Test
    void anAnswerThatIsNotHttpIsAFailure() {
        api.answerThenClose("\u0000garbage\r\n\r\n");

        assertThatThrownBy(client::nextInvocation)
                .isInstanceOf(LambdaRuntimeClientException.class)
                .hasMessageContaining("malformed status line from the Runtime API");
    }
}
