package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/** GetFunction and ListFunctions on a real edge, called by the AWS SDK's LambdaClient; no function JVM is started. */
class FunctionConfigurationApiTest {

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
        host.register(function("translations", "Echo", 29, Map.of("TABLE_NAME", "Translations")).withReservedConcurrency(5));
        for (String name : List.of("alpha", "bravo", "charlie", "delta")) {
            host.register(function(name, "Echo"));
        }
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

    @Test
    void getFunctionAnswersTheFunctionsConfiguration() {
        GetFunctionResponse response = lambda.getFunction(r -> r.functionName("translations"));

        FunctionConfiguration configuration = response.configuration();
        assertThat(configuration.functionName()).isEqualTo("translations");
        assertThat(configuration.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:translations");
        assertThat(configuration.runtimeAsString()).isEqualTo("java17");
        assertThat(configuration.handler()).isEqualTo("dev.lingogate.lambda.functions.Echo::handleRequest");
        assertThat(configuration.role()).isEqualTo("arn:aws:iam::000000000000:role/translations-role");
        assertThat(configuration.memorySize()).isEqualTo(256);
        assertThat(configuration.timeout()).isEqualTo(29);
        assertThat(configuration.environment().variables()).isEqualTo(Map.of("TABLE_NAME", "Translations"));
        assertThat(configuration.state()).isEqualTo(State.ACTIVE);
        assertThat(configuration.version()).isEqualTo("$LATEST");
        assertThat(configuration.codeSize()).isPositive();
        assertThat(configuration.codeSha256()).matches("[A-Za-z0-9+/]{43}=");
        assertThat(configuration.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(response.code().location()).startsWith("file:/");
        assertThat(response.concurrency().reservedConcurrentExecutions()).isEqualTo(5);
    }

    @Test
    void getFunctionOfAFunctionWithoutReservationHasNoConcurrency() {
        assertThat(lambda.getFunction(r -> r.functionName("alpha")).concurrency()).isNull();
    }

    @Test
    void getFunctionOfAnUnknownNameIsResourceNotFound404() {
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("nobody")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody");
                });
    }

    @Test
    void getFunctionWithoutPermissionIsDenied403() {
        try (LambdaClient outsider = edge.lambdaClient(RunningEdge.NOBODY)) {
            assertThatThrownBy(() -> outsider.getFunction(r -> r.functionName("alpha")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("lambda:GetFunction on resource:"
                                + " arn:aws:lambda:us-east-1:000000000000:function:alpha");
                    });
        }
    }

    @Test
    void listFunctionsAnswersEveryFunctionByName() {
        ListFunctionsResponse response = lambda.listFunctions();

        assertThat(response.functions()).extracting(FunctionConfiguration::functionName)
                .containsExactly("alpha", "bravo", "charlie", "delta", "translations");
        assertThat(response.nextMarker()).isNull();
    }

    @Test
    void listFunctionsPagesWithMaxItemsAndMarker() {
        ListFunctionsResponse first = lambda.listFunctions(r -> r.maxItems(2));
        ListFunctionsResponse second = lambda.listFunctions(r -> r.maxItems(2).marker(first.nextMarker()));

        assertThat(first.functions()).extracting(FunctionConfiguration::functionName).containsExactly("alpha", "bravo");
        assertThat(second.functions()).extracting(FunctionConfiguration::functionName).containsExactly("charlie", "delta");
        assertThat(lambda.listFunctionsPaginator(r -> r.maxItems(2)).functions().stream().map(FunctionConfiguration::functionName))
                .containsExactly("alpha", "bravo", "charlie", "delta", "translations");
    }

    @Test
    void listFunctionsWithMaxItemsThatIsNotANumberIsAValidationError() {
        // No SDK sends such a call: it is put to the service as the edge would hand it over.
        AwsRequest call = new AwsRequest("req-1", "GET", "/2015-03-31/functions/", "MaxItems=many", Map.of(), new byte[0],
                new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));

        assertThatThrownBy(() -> host.invokeApi().call(call))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value 'many'"
                            + " at 'maxItems' failed to satisfy constraint: Member must be an integer");
                });
    }

    @Test
    void listFunctionsWithMaxItemsOutOfRangeIsAValidationError400() {
        assertThatThrownBy(() -> lambda.listFunctions(r -> r.maxItems(0)))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '0'"
                            + " at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
                });
    }
}
