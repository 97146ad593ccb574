package dev.lingogate.stack.e2e.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A function that answers something that is not a Lambda proxy response. */
public class Malformed implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write("this is not a proxy response".getBytes(StandardCharsets.UTF_8));
    }
}
