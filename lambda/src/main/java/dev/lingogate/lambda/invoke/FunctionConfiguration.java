package dev.lingogate.lambda.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.lambda.DeployedFunction;
import dev.lingogate.lambda.FunctionDefinition;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Lambda's {@code FunctionConfiguration} shape, as GetFunction and ListFunctions answer it. */
final class FunctionConfiguration {

    /** Lambda writes LastModified as {@code 2024-01-05T10:12:13.456+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private FunctionConfiguration() {}

    static ObjectNode of(DeployedFunction deployed, String region, ObjectMapper json) {
        FunctionDefinition function = deployed.definition();
        CodePackage code = CodePackage.of(function.codeClasspath());
        ObjectNode configuration = json.createObjectNode()
                .put("FunctionName", function.name())
                .put("FunctionArn", FunctionName.arn(function.name(), region))
                .put("Runtime", function.runtime())
                .put("Role", function.roleArn())
                .put("Handler", function.handler())
                .put("CodeSize", code.size())
                .put("CodeSha256", code.sha256())
                .put("Description", "")
                .put("Timeout", function.timeoutSeconds())
                .put("MemorySize", function.memoryMb())
                .put("LastModified", LAST_MODIFIED.format(deployed.lastModified()))
                .put("Version", "$LATEST")
                // Changes whenever the function is registered again, as a revision does on each update.
                .put("RevisionId", UUID.nameUUIDFromBytes((function.name() + deployed.lastModified())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .put("State", "Active")
                .put("LastUpdateStatus", "Successful")
                .put("PackageType", "Zip");
        if (!function.environment().isEmpty()) {
            ObjectNode variables = configuration.putObject("Environment").putObject("Variables");
            function.environment().forEach(variables::put);
        }
        configuration.putObject("TracingConfig").put("Mode", "PassThrough");
        configuration.putArray("Architectures").add("x86_64");
        configuration.putObject("EphemeralStorage").put("Size", 512);
        configuration.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + function.name());
        return configuration;
    }
}
