package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Talks to the Runtime API behind its runtime's back, as a broken custom runtime would, then never
 * returns (so its runtime never asks for the next event). The event's {@code answer} says how:
 * {@code garbage} writes bytes that are not HTTP; {@code truncated} posts its response with a body
 * shorter than its Content-Length and hangs up; {@code answered} posts a proper response itself.
 */
public class RuntimeApiVandal implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String path = "/2018-06-01/runtime/invocation/" + context.getAwsRequestId() + "/response";
        String request = switch (String.valueOf(event.get("answer"))) {
            case "garbage" -> "\u0000\u0001 this is not HTTP \r\n\r\n";
            case "truncated" -> "POST " + path + " HTTP/1.1\r\nHost: runtime\r\nContent-Length: 100\r\n\r\n{\"half\":";
            case "answered" -> "POST " + path + " HTTP/1.1\r\nHost: runtime\r\nContent-Length: 18\r\n\r\n\"answered by hand\"";
            default -> throw new IllegalArgumentException("no such answer: " + event.get("answer"));
        };
        String[] address = System.getenv("AWS_LAMBDA_RUNTIME_API").split(":");
        try (Socket socket = new Socket(address[0], Integer.parseInt(address[1]))) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Long enough for the host to read what was sent before the connection goes.
            Thread.sleep(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("vandal sent " + event.get("answer") + " and hangs");
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return "never";
            }
        }
    }
}
