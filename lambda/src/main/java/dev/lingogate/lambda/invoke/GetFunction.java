package dev.lingogate.lambda.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.lambda.DeployedFunction;
import dev.lingogate.lambda.FunctionHost;

/** {@code GET /2015-03-31/functions/{FunctionName}}: the function's configuration and where its code lies. */
final class GetFunction {

    private final FunctionHost host;
    private final String region;
    private final ObjectMapper json;

    GetFunction(FunctionHost host, String region, ObjectMapper json) {
        this.host = host;
        this.region = region;
        this.json = json;
    }

    AwsReply run(AwsRequest request, String functionNameSegment) {
        String name = FunctionName.of(functionNameSegment, QueryString.parse(request.rawQuery()).get("Qualifier"), region);
        String arn = FunctionName.arn(name, region);
        request.authorize("lambda:GetFunction", arn);
        DeployedFunction deployed = host.deployed(name).orElseThrow(() -> FunctionName.notFound(arn));
        ObjectNode answer = json.createObjectNode();
        answer.set("Configuration", FunctionConfiguration.of(deployed, region, json));
        // Lambda hands out a presigned S3 address of the package; here the code is on this machine.
        answer.putObject("Code").put("RepositoryType", "S3")
                .put("Location", deployed.definition().codeClasspath().get(0).toAbsolutePath().toUri().toString());
        Integer reserved = deployed.definition().reservedConcurrency();
        if (reserved != null) {
            answer.putObject("Concurrency").put("ReservedConcurrentExecutions", reserved);
        }
        return LambdaApi.json(200, answer);
    }
}
