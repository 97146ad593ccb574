package dev.lingogate.gateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a REST API's request validator checks on a route before the request goes on: the request
 * parameters SAM marks {@code Required: true}, and the body against the route's model, a JSON
 * Schema (draft 4, as API Gateway's models are).
 *
 * @param requiredHeaders header names, matched case-insensitively
 * @param requiredQueryStrings query string parameter names
 * @param bodyModel the model's JSON Schema text; null when the body is not validated
 */
public record RequestValidation(List<String> requiredHeaders, List<String> requiredQueryStrings, String bodyModel) {

  public static final RequestValidation NONE = new RequestValidation(List.of(), List.of(), null);

  private static final String HEADER = "method.request.header.";
  private static final String QUERY_STRING = "method.request.querystring.";

  public RequestValidation {
    requiredHeaders = requiredHeaders == null ? List.of() : List.copyOf(requiredHeaders);
    requiredQueryStrings = requiredQueryStrings == null ? List.of() : List.copyOf(requiredQueryStrings);
  }

  /**
   * From the names of SAM's {@code RequestParameters} that are {@code Required: true}, such as
   * {@code method.request.querystring.q} or {@code method.request.header.X-Request-Source}.
   *
   * @throws IllegalArgumentException for a name that is neither a header nor a query string
   */
  public static RequestValidation requiringParameters(List<String> requestParameterNames) {
    List<String> headers = new ArrayList<>();
    List<String> queryStrings = new ArrayList<>();
    for (String name : requestParameterNames) {
      if (name.startsWith(HEADER) && name.length() > HEADER.length()) {
        headers.add(name.substring(HEADER.length()));
      } else if (name.startsWith(QUERY_STRING) && name.length() > QUERY_STRING.length()) {
        queryStrings.add(name.substring(QUERY_STRING.length()));
      } else {
        throw new IllegalArgumentException("a required request parameter must be method.request.header.<name> or "
            + "method.request.querystring.<name>, was " + name);
      }
    }
    return new RequestValidation(headers, queryStrings, null);
  }

  /** The same checks, and the body validated against the model ({@code RequestModel} with {@code ValidateBody}). */
  public RequestValidation withBodyModel(String jsonSchema) {
    return new RequestValidation(requiredHeaders, requiredQueryStrings, jsonSchema);
  }

  public boolean isNone() {
    return requiredHeaders.isEmpty() && requiredQueryStrings.isEmpty() && bodyModel == null;
  }
}
