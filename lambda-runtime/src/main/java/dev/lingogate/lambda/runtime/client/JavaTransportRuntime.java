package dev.lingogate.lambda.runtime.client;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.api.client.LambdaEnvironment;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import com.amazonaws.services.lambda.runtime.api.client.util.ConcurrencyConfig;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A function JVM's main class: the official runtime interface client's {@code AWSLambda.main}, step
 * for step, with {@link JavaRuntimeApiClient} as its transport instead of the native one.
 *
 * <p>Everything a function can observe stays the official client's: its logger, handler loading and
 * serialization, Context, init and invocation error reports, and its runtime loops. Only the two
 * steps {@code main} takes privately are reached by reflection, {@code initLogger} and
 * {@code getLambdaRequestHandlerObject}; {@code startRuntimeLoops} is protected, so this class
 * extends {@code AWSLambda} to call it. {@link #officialStep} fails loudly, naming the method, if an
 * upgrade of the client renames one of them.
 */
public final class JavaTransportRuntime extends AWSLambda {

    private JavaTransportRuntime() {
    }

    /** @param args the handler, as {@code AWSLambda} takes it */
    public static void main(String[] args) throws Throwable {
        Method initLogger = officialStep("initLogger");
        Method handlerFor = officialStep("getLambdaRequestHandlerObject", String.class, LambdaContextLogger.class,
                LambdaRuntimeApiClient.class);
        try (LambdaContextLogger logger = (LambdaContextLogger) call(initLogger)) {
            LambdaRuntimeApiClient client = new JavaRuntimeApiClient(LambdaEnvironment.RUNTIME_API);
            LambdaRequestHandler handler = (LambdaRequestHandler) call(handlerFor, args[0], logger, client);
            startRuntimeLoops(handler, logger, new ConcurrencyConfig(logger), client);
        } catch (IOException | ClassNotFoundException e) {
            // What AWSLambda.main does with these.
            throw new Error(e);
        }
    }

    /** One of the private static steps of {@code AWSLambda.main}, made callable. */
    static Method officialStep(String name, Class<?>... parameterTypes) {
        try {
            Method method = AWSLambda.class.getDeclaredMethod(name, parameterTypes);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the runtime interface client has no AWSLambda." + name
                    + " any more: JavaTransportRuntime must follow its AWSLambda.main again", e);
        }
    }

    private static Object call(Method step, Object... args) throws Throwable {
        try {
            return step.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
