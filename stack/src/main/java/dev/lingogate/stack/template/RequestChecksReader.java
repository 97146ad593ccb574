package dev.lingogate.stack.template;

import static dev.lingogate.stack.template.TemplateValues.bool;
import static dev.lingogate.stack.template.TemplateValues.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an Api event's {@code RequestParameters} and {@code RequestModel} as SAM documents them,
 * the model looked up among the API's {@code Models} (JSON Schema draft 4, written as YAML maps).
 * SAM gives a method a request validator only from its {@code RequestModel}'s {@code ValidateBody}
 * and {@code ValidateParameters}; a parameter's {@code Required: true} alone is documentation.
 */
final class RequestChecksReader {

    /** SAM's form of a request parameter's name. */
    private static final Pattern PARAMETER = Pattern.compile("method\\.request\\.(header|querystring|path)\\..+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String where;

    /** @param where the path of the event's {@code Properties}, for messages */
    RequestChecksReader(String where) {
        this.where = where;
    }

    /**
     * @param models the API's {@code Models} by name
     * @param apiWhere the path of the API's {@code Properties}, for messages
     */
    RequestChecks read(Map<String, Object> event, Map<String, Object> models, String apiWhere) {
        List<String> required = requiredParameters(event.get("RequestParameters"));
        Map<String, Object> requestModel = map(event.get("RequestModel"), where + ".RequestModel");
        String at = where + ".RequestModel";
        String bodyModel = null;
        boolean validateParameters = false;
        if (!requestModel.isEmpty()) {
            Object name = requestModel.get("Model");
            if (name == null) {
                throw new TemplateException(at + ".Model is required");
            }
            Object model = models.get(String.valueOf(name));
            if (model == null) {
                throw new TemplateException(at + ".Model names " + name + ", which is not among " + apiWhere
                        + ".Models " + models.keySet());
            }
            if (bool(requestModel.get("ValidateBody"), at + ".ValidateBody")) {
                bodyModel = schemaText(model, apiWhere + ".Models." + name);
            }
            validateParameters = bool(requestModel.get("ValidateParameters"), at + ".ValidateParameters");
        }
        return required.isEmpty() && bodyModel == null && !validateParameters
                ? RequestChecks.NONE
                : new RequestChecks(required, bodyModel, validateParameters);
    }

    /**
     * Each entry is a name alone (declared, not required) or a map from the name to
     * {@code Required}/{@code Caching}. A path parameter is always there when the route matches.
     */
    private List<String> requiredParameters(Object parameters) {
        List<String> required = new ArrayList<>();
        if (parameters == null) {
            return required;
        }
        if (!(parameters instanceof List<?> list)) {
            throw new TemplateException(where + ".RequestParameters must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = where + ".RequestParameters[" + i + "]";
            Object entry = list.get(i);
            if (entry instanceof Map<?, ?> settings) {
                for (Map.Entry<String, Object> parameter : map(settings, at).entrySet()) {
                    String name = checkedName(parameter.getKey(), at);
                    Map<String, Object> options = map(parameter.getValue(), at + "." + name);
                    if (bool(options.get("Required"), at + "." + name + ".Required") && !name.contains(".path.")) {
                        required.add(name);
                    }
                }
            } else {
                checkedName(String.valueOf(entry), at);
            }
        }
        return required;
    }

    private static String checkedName(String name, String at) {
        if (!PARAMETER.matcher(name).matches()) {
            throw new TemplateException(at + ": " + name + " is not a request parameter; write "
                    + "method.request.header.<name>, method.request.querystring.<name> or method.request.path.<name>");
        }
        return name;
    }

    private static String schemaText(Object model, String at) {
        if (!(model instanceof Map<?, ?>)) {
            throw new TemplateException(at + " must be a JSON Schema map, not " + model);
        }
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new TemplateException(at + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
