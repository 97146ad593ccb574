package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.translate.glossary.Glossary;
import dev.lingogate.translate.glossary.GlossaryStore;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Translate's {@code TerminologyProperties} of a terminology, and what every terminology
 * operation shares: the name's constraints, its ARN, finding it or failing as AWS does.
 */
final class TerminologyProperties {

    static final String NAME_PATTERN = "^([A-Za-z0-9-]_?)+$";

    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/]+/[^/]+/([^/]+)/");
    private static final Pattern ACCOUNT = Pattern.compile("^arn:aws:[^:]*:[^:]*:(\\d{12}):");

    private TerminologyProperties() {
    }

    static void checkName(com.fasterxml.jackson.databind.JsonNode input) {
        new ConstraintViolations()
                .requiredString(input, "Name", 1, 256, false)
                .pattern(input, "Name", NAME_PATTERN)
                .check();
    }

    static Glossary find(GlossaryStore store, String name) {
        return store.get(name).orElseThrow(() -> new AwsException(400, "ResourceNotFoundException",
                "The terminology " + name + " could not be found."));
    }

    /** {@code arn:aws:translate:<region>:<account>:terminology/<name>/LATEST}, in the caller's region and account. */
    static String arn(AwsRequest request, String name) {
        return "arn:aws:translate:" + region(request) + ":" + account(request) + ":terminology/" + name + "/LATEST";
    }

    static ObjectNode of(Glossary glossary, AwsRequest request, ObjectMapper mapper) {
        ObjectNode properties = mapper.createObjectNode()
                .put("Name", glossary.name())
                .put("Description", glossary.description())
                .put("Arn", arn(request, glossary.name()))
                .put("SourceLanguageCode", glossary.sourceLanguage());
        glossary.targetLanguages().forEach(properties.putArray("TargetLanguageCodes")::add);
        properties.put("SizeBytes", glossary.file().length)
                .put("TermCount", glossary.terms().termCount())
                .set("CreatedAt", EpochSeconds.of(glossary.createdAt()));
        properties.set("LastUpdatedAt", EpochSeconds.of(glossary.lastUpdatedAt()));
        properties.put("Directionality", glossary.directionality())
                .put("Format", glossary.terms().format());
        if (glossary.terms().skipped() > 0) {
            properties.put("SkippedTermCount", glossary.terms().skipped())
                    .put("Message", glossary.terms().skipped() + " term(s) were skipped: a row that does not fit the header, "
                            + "with fewer than two terms, or with a term over 200 bytes.");
        }
        return properties;
    }

    private static String region(AwsRequest request) {
        String authorization = request.header("authorization");
        Matcher scope = SCOPE_REGION.matcher(authorization == null ? "" : authorization);
        return scope.find() ? scope.group(1) : "us-east-1";
    }

    private static String account(AwsRequest request) {
        Matcher account = ACCOUNT.matcher(request.caller().arn());
        return account.find() ? account.group(1) : "000000000000";
    }

    /** Now, to the millisecond: the precision AWS's timestamps carry. */
    static Instant now() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }
}
