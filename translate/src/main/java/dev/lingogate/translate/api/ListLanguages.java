package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.translate.language.IsoLanguage;
import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.routing.Chain;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Amazon Translate's ListLanguages: every language Lingogate translates from or into, directly or
 * through a chain, named in the requested display language. All of them fit in one page, so no
 * {@code NextToken} is ever given. Which pairs are served, and through which chain, is Lingogate's
 * {@code X-Lingogate-Pairs} reply header ({@link LingogateHeaders}): AWS's answer names languages only.
 */
final class ListLanguages implements JsonOperation {

    private static final List<String> DISPLAY_LANGUAGES = List.of("de", "en", "es", "fr", "it", "ja", "ko", "pt", "zh", "zh-TW");

    private final SortedSet<String> languages = new TreeSet<>();
    private final String pairs;
    private final ObjectMapper mapper;

    /** @param chains every pair served, with the chain that serves it */
    ListLanguages(Map<LanguagePair, Chain> chains, ObjectMapper mapper) {
        chains.keySet().forEach(pair -> {
            languages.add(pair.source());
            languages.add(pair.target());
        });
        this.pairs = chains.values().stream().map(LingogateHeaders::written).collect(Collectors.joining(", "));
        this.mapper = mapper;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        request.authorize("translate:ListLanguages", "*");
        new ConstraintViolations()
                .oneOf(input, "displayLanguageCode", "DisplayLanguageCode", DISPLAY_LANGUAGES)
                .check();
        JsonNode maxResults = input.get("MaxResults");
        if (maxResults != null && !maxResults.isNull() && (maxResults.asInt() < 1 || maxResults.asInt() > 500)) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + maxResults.asText()
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value "
                    + (maxResults.asInt() < 1 ? "greater than or equal to 1" : "less than or equal to 500"));
        }
        String display = input.path("DisplayLanguageCode").asText("en");
        ObjectNode output = mapper.createObjectNode();
        ArrayNode list = output.putArray("Languages");
        languages.forEach(code -> list.addObject()
                .put("LanguageName", IsoLanguage.name(code, display))
                .put("LanguageCode", code));
        output.put("DisplayLanguageCode", display);
        request.replyHeaders().put(LingogateHeaders.PAIRS, pairs);
        return output;
    }
}
