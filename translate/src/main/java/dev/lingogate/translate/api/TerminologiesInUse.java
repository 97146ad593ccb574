package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.translate.glossary.Glossary;
import dev.lingogate.translate.glossary.GlossaryStore;
import dev.lingogate.translate.glossary.ProtectedText;
import dev.lingogate.translate.language.LanguagePair;
import java.util.Optional;

/** TranslateText's side of custom terminologies: the one it names, its terms forced, and what it reports of them. */
final class TerminologiesInUse {

    private final GlossaryStore store;

    TerminologiesInUse(GlossaryStore store) {
        this.store = store;
    }

    /**
     * The terminology {@code TerminologyNames} names, if any: AWS applies one per request, and
     * fails a name it does not hold with ResourceNotFoundException.
     */
    Optional<Glossary> named(JsonNode names) {
        if (names == null || names.isNull() || (names.isArray() && names.isEmpty())) {
            return Optional.empty();
        }
        if (!names.isArray()) {
            throw new AwsException(400, "SerializationException", "TerminologyNames must be a list of names");
        }
        if (names.size() > 1) {
            throw new AwsException(400, "InvalidRequestException", "Only one custom terminology can be applied per request; "
                    + "TerminologyNames names " + names.size() + ".");
        }
        String name = names.get(0).asText();
        if (!name.matches(TerminologyProperties.NAME_PATTERN) || name.length() > 256) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '[" + name
                    + "]' at 'terminologyNames' failed to satisfy constraint: Member must satisfy constraint: "
                    + "[Member must have length less than or equal to 256, Member must have length greater than or equal to 1, "
                    + "Member must satisfy regular expression pattern: " + TerminologyProperties.NAME_PATTERN + "]");
        }
        return Optional.of(TerminologyProperties.find(store, name));
    }

    /** The text with the terminology's terms for the direction hidden from the engine. */
    ProtectedText protect(Glossary glossary, LanguagePair pair, String text) {
        return ProtectedText.protect(text, store.matcher(glossary, pair), pair.target());
    }

    /** {@code AppliedTerminologies}: the terminology's name and each of its terms the text held, as the file gives them. */
    ArrayNode applied(Glossary glossary, ProtectedText terms, ObjectMapper mapper) {
        ArrayNode applied = mapper.createArrayNode();
        ObjectNode terminology = applied.addObject().put("Name", glossary.name());
        ArrayNode list = terminology.putArray("Terms");
        terms.applied().forEach(term -> list.addObject().put("SourceText", term.source()).put("TargetText", term.target()));
        return applied;
    }
}
