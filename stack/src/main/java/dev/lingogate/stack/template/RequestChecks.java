package dev.lingogate.stack.template;

import java.util.List;

/**
 * What an Api event asks API Gateway to check before its function is invoked.
 *
 * @param requiredParameters the {@code RequestParameters} marked {@code Required: true}, as SAM names
 *     them: {@code method.request.querystring.q}, {@code method.request.header.X-Source}
 * @param bodyModel the JSON Schema text of the {@code RequestModel}'s model when {@code ValidateBody}
 *     is true; null when the body is not checked
 * @param validateParameters the {@code RequestModel}'s {@code ValidateParameters}: only then does SAM
 *     give the method a request validator that checks parameters, so only then does API Gateway
 *     refuse a request missing a required one
 */
public record RequestChecks(List<String> requiredParameters, String bodyModel, boolean validateParameters) {

    public static final RequestChecks NONE = new RequestChecks(List.of(), null, false);

    public RequestChecks {
        requiredParameters = List.copyOf(requiredParameters);
    }

    /** The required parameters API Gateway refuses a request without: none unless they are validated. */
    public List<String> enforcedParameters() {
        return validateParameters ? requiredParameters : List.of();
    }
}
