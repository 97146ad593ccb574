package dev.lingogate.lambda.invoke;

import dev.lingogate.edge.AwsException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code FunctionName} of a Lambda call's path: a name, a partial ARN or a full ARN, with an optional qualifier. */
final class FunctionName {

    private static final Pattern PATTERN = Pattern.compile(
            "(arn:aws[a-zA-Z-]*:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    private FunctionName() {}

    /**
     * The plain name in {@code pathSegment} (still percent-encoded); a qualifier other than
     * {@code $LATEST}, in the name or in {@code queryQualifier}, names nothing here: no versions are
     * published and no aliases made.
     */
    static String of(String pathSegment, String queryQualifier, String region) {
        String requested = URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher name = PATTERN.matcher(requested);
        if (requested.length() > 170 || !name.matches()) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + requested
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + PATTERN.pattern());
        }
        String qualifier = name.group(8) != null ? name.group(8) : queryQualifier;
        if (qualifier != null && !"$LATEST".equals(qualifier)) {
            throw notFound(arn(name.group(6), region) + ":" + qualifier);
        }
        return name.group(6);
    }

    static String arn(String name, String region) {
        return "arn:aws:lambda:" + region + ":000000000000:function:" + name;
    }

    static AwsException notFound(String functionArn) {
        return new AwsException(404, "ResourceNotFoundException", "Function not found: " + functionArn);
    }
}
