package dev.lingogate.stack.template;

import java.util.List;

/**
 * What an Api event asks API Gateway to check before its function is invoked.
 *
 * @param requiredParameters the {@code RequestParameters} marked {@code Required: true}, as SAM names
 *     them: {@code method.request.querystring.q}, {@code method.request.header.X-Source}
 * @param bodyModel the JSON Schema text of the {@code RequestModel}'s model when {@code ValidateBody}
 *     is true; null when the body is not checked
 */
public record RequestChecks(List<String> requiredParameters, String bodyModel) {

    public static final RequestChecks NONE = new RequestChecks(List.of(), null);

    public RequestChecks {
        requiredParameters = List.copyOf(requiredParameters);
    }
}
