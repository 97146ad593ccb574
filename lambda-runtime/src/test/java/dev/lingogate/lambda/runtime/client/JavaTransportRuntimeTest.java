package dev.lingogate.lambda.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Fails loudly when an upgrade of the runtime interface client changes the steps its main takes. */
class JavaTransportRuntimeTest {

    @Test
    void theOfficialMainsPrivateStepsAreStillThere() {
        assertThat(JavaTransportRuntime.officialStep("initLogger").getReturnType()).isEqualTo(LambdaContextLogger.class);
        assertThat(JavaTransportRuntime.officialStep("getLambdaRequestHandlerObject", String.class, LambdaContextLogger.class,
                LambdaRuntimeApiClient.class).getReturnType()).isEqualTo(LambdaRequestHandler.class);
        assertThat(JavaTransportRuntime.officialStep("initLogger").getModifiers() & Modifier.STATIC).isNotZero();
    }

    @Test
    void aStepTheClientNoLongerHasIsNamed() {
        assertThatThrownBy(() -> JavaTransportRuntime.officialStep("renamedInitLogger"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the runtime interface client has no AWSLambda.renamedInitLogger any more: "
                        + "JavaTransportRuntime must follow its AWSLambda.main again");
    }
}
