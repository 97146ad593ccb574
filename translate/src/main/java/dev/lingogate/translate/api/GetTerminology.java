package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.glossary.Glossary;
import dev.lingogate.translate.glossary.GlossaryStore;
import dev.lingogate.translate.glossary.TermTable;

/**
 * Amazon Translate's GetTerminology: a terminology's properties and where its data can be read.
 * AWS gives a presigned S3 URL; Lingogate gives a {@code file:} URL in the edge's data directory,
 * readable on the machine that runs it (none when terminologies are kept in memory only). A UNI terminology can be asked for in another format than
 * it was imported in; a MULTI one only in its own, as AWS requires.
 */
final class GetTerminology implements JsonOperation {

    private final GlossaryStore store;
    private final ObjectMapper mapper;

    GetTerminology(GlossaryStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        TerminologyProperties.checkName(input);
        new ConstraintViolations()
                .oneOf(input, "terminologyDataFormat", "TerminologyDataFormat", TermTable.FORMATS)
                .check();
        String name = input.get("Name").asText();
        request.authorize("translate:GetTerminology", TerminologyProperties.arn(request, name));
        Glossary glossary = TerminologyProperties.find(store, name);
        String imported = glossary.terms().format();
        String format = input.path("TerminologyDataFormat").asText(imported);
        if (!format.equals(imported) && glossary.directionality().equals(Glossary.MULTI)) {
            throw new AwsException(400, "InvalidParameterValueException", "The terminology " + name
                    + " is multi-directional: it can only be retrieved in the format it was imported in, " + imported + ".");
        }
        byte[] data = format.equals(imported) ? glossary.file() : glossary.terms().write(format);
        ObjectNode output = mapper.createObjectNode();
        output.set("TerminologyProperties", TerminologyProperties.of(glossary, request, mapper));
        store.writeDataFile(name, format, data).ifPresent(file -> output.putObject("TerminologyDataLocation")
                .put("RepositoryType", "FILE")
                .put("Location", file.toUri().toString()));
        return output;
    }
}
