package dev.lingogate.bench.lambda;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Prints a wrk script that sends one Invoke request, signed once with SigV4 by the AWS SDK v2's own
 * signer, over and over: a signature holds for the edge's 15 minutes of clock skew, so a load driver
 * as light as wrk measures the Invoke API without paying the SDK's client-side cost per call.
 *
 * <pre>SignedInvokeScript http://127.0.0.1:4566 echo '{"text":"Bonjour"}' &gt; invoke.lua</pre>
 */
public final class SignedInvokeScript {

    private SignedInvokeScript() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SignedInvokeScript EDGE_URL FUNCTION PAYLOAD");
            System.exit(2);
        }
        URI edge = URI.create(args[0]);
        byte[] payload = args[2].getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(edge)
                .encodedPath("/2015-03-31/functions/" + args[1] + "/invocations")
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("lingogate", "lingogate"))
                .request(request)
                .payload(() -> new ByteArrayInputStream(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        StringBuilder script = new StringBuilder("wrk.method = \"POST\"\n")
                .append("wrk.path = \"").append(request.encodedPath()).append("\"\n")
                .append("wrk.body = '").append(args[2].replace("\\", "\\\\").replace("'", "\\'")).append("'\n");
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                script.append("wrk.headers[\"").append(name).append("\"] = \"").append(values.get(0)).append("\"\n");
            }
        });
        System.out.print(script);
    }
}
