package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.glossary.Glossary;
import dev.lingogate.translate.glossary.GlossaryStore;
import dev.lingogate.translate.glossary.InvalidGlossary;
import dev.lingogate.translate.glossary.TermTable;
import dev.lingogate.translate.glossary.TooManyGlossaries;
import java.time.Instant;
import java.util.List;

/**
 * Amazon Translate's ImportTerminology: creates a custom terminology from a CSV, TSV or TMX file,
 * or replaces the one of the same name (OVERWRITE, the only merge strategy AWS offers). Tags and an
 * encryption key are accepted and not kept: the terminology lives in the edge's data directory.
 */
final class ImportTerminology implements JsonOperation {

    /** AWS's limit for a terminology file. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private final GlossaryStore store;
    private final ObjectMapper mapper;

    ImportTerminology(GlossaryStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        JsonNode data = input.get("TerminologyData");
        new ConstraintViolations()
                .requiredString(input, "Name", 1, 256, false)
                .pattern(input, "Name", TerminologyProperties.NAME_PATTERN)
                .required(input, "mergeStrategy", "MergeStrategy")
                .oneOf(input, "mergeStrategy", "MergeStrategy", List.of("OVERWRITE"))
                .optionalString(input, "Description", 0, 256, false)
                .required(input, "terminologyData", "TerminologyData")
                .required(data, "terminologyData.file", "File")
                .blob(data, "terminologyData.file", "File", MAX_FILE_BYTES)
                .required(data, "terminologyData.format", "Format")
                .oneOf(data, "terminologyData.format", "Format", TermTable.FORMATS)
                .oneOf(data, "terminologyData.directionality", "Directionality", List.of(Glossary.UNI, Glossary.MULTI))
                .check();
        String name = input.get("Name").asText();
        request.authorize("translate:ImportTerminology", TerminologyProperties.arn(request, name));
        byte[] file = Blob.bytes(data.get("File"), "terminologyData.file");
        TermTable terms;
        try {
            terms = TermTable.parse(data.get("Format").asText(), file);
        } catch (InvalidGlossary e) {
            throw new AwsException(400, "InvalidParameterValueException", e.getMessage());
        }
        Instant now = TerminologyProperties.now();
        Glossary glossary = new Glossary(name, input.path("Description").asText(""),
                data.path("Directionality").asText(Glossary.UNI), terms, file, now, now);
        Glossary saved;
        try {
            saved = store.put(glossary);
        } catch (TooManyGlossaries e) {
            throw new AwsException(400, "LimitExceededException", e.getMessage());
        }
        ObjectNode output = mapper.createObjectNode();
        output.set("TerminologyProperties", TerminologyProperties.of(saved, request, mapper));
        return output;
    }
}
