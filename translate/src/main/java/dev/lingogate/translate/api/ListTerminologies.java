package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.glossary.Glossary;
import dev.lingogate.translate.glossary.GlossaryStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Amazon Translate's ListTerminologies, by name, in pages of {@code MaxResults} (100 unless asked
 * otherwise); the {@code NextToken} is the last name given, opaque to the caller.
 */
final class ListTerminologies implements JsonOperation {

    private static final int DEFAULT_PAGE = 100;

    private final GlossaryStore store;
    private final ObjectMapper mapper;

    ListTerminologies(GlossaryStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        request.authorize("translate:ListTerminologies", "*");
        new ConstraintViolations()
                .range(input, "MaxResults", 1, 500)
                .optionalString(input, "NextToken", 0, 8192, false)
                .check();
        int page = input.path("MaxResults").asInt(DEFAULT_PAGE);
        String after = input.hasNonNull("NextToken") ? lastName(input.get("NextToken").asText()) : "";
        List<Glossary> rest = store.all().stream().filter(glossary -> glossary.name().compareTo(after) > 0).toList();
        ObjectNode output = mapper.createObjectNode();
        ArrayNode list = output.putArray("TerminologyPropertiesList");
        rest.stream().limit(page).forEach(glossary -> list.add(TerminologyProperties.of(glossary, request, mapper)));
        if (rest.size() > page) {
            output.put("NextToken", Base64.getUrlEncoder().encodeToString(
                    rest.get(page - 1).name().getBytes(StandardCharsets.UTF_8)));
        }
        return output;
    }

    private static String lastName(String token) {
        try {
            String name = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (name.matches(TerminologyProperties.NAME_PATTERN)) {
                return name;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new AwsException(400, "InvalidParameterValueException", "The NextToken " + token + " is not valid: "
                + "pass the NextToken of the previous ListTerminologies answer as it was given.");
    }
}
