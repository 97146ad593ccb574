package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.glossary.GlossaryStore;

/** Amazon Translate's DeleteTerminology: the terminology and its files are gone; an unknown name is ResourceNotFoundException. */
final class DeleteTerminology implements JsonOperation {

    private final GlossaryStore store;
    private final ObjectMapper mapper;

    DeleteTerminology(GlossaryStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        TerminologyProperties.checkName(input);
        String name = input.get("Name").asText();
        request.authorize("translate:DeleteTerminology", TerminologyProperties.arn(request, name));
        if (!store.delete(name)) {
            throw new AwsException(400, "ResourceNotFoundException", "The terminology " + name + " could not be found.");
        }
        return mapper.createObjectNode();
    }
}
