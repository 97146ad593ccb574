package dev.lingogate.bench.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The trivial function the warm-path benchmark invokes: answers the event it was given, byte for
 * byte. A stream handler without the Lambda interfaces (the runtime client finds the method by its
 * parameters), so that the bench jar alone is its code and nothing but the host's path is measured.
 * Through an HTTP API the event has no {@code statusCode}, so the gateway answers it as a 200 body.
 */
public final class EchoFunction {

    public void handleRequest(InputStream event, OutputStream answer) throws IOException {
        event.transferTo(answer);
    }
}
