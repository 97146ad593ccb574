package dev.lingogate.gateway.validation;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a request against its route's {@link RequestValidation} as API Gateway's request
 * validator does: the required parameters first (400 "Missing required request parameters: [..]"),
 * then the body against the model (400 "Invalid request body"). The schema is compiled once.
 */
public final class RequestValidator {

  private static final SchemaRegistry DRAFT_4 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private final RequestValidation validation;
  private final Schema bodySchema;

  /** @throws IllegalArgumentException when the body model is not a JSON Schema */
  public RequestValidator(RequestValidation validation) {
    this.validation = validation;
    try {
      this.bodySchema = validation.bodyModel() == null ? null : DRAFT_4.getSchema(validation.bodyModel());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the request model is not a JSON schema: " + e.getMessage(), e);
    }
  }

  /** @throws RequestRejected with 400 when the request lacks a required parameter or its body does not fit the model */
  public void check(IncomingRequest request) {
    List<String> missing = new ArrayList<>();
    for (String header : validation.requiredHeaders()) {
      if (request.headers().values(header.toLowerCase(Locale.ROOT)).isEmpty()) {
        missing.add(header);
      }
    }
    for (String queryString : validation.requiredQueryStrings()) {
      if (!request.query().asMap().containsKey(queryString)) {
        missing.add(queryString);
      }
    }
    if (!missing.isEmpty()) {
      String message = "Missing required request parameters: [" + String.join(", ", missing) + "]";
      throw new RequestRejected(GatewayError.BAD_REQUEST, message, message);
    }
    if (bodySchema != null && !fitsModel(request.body())) {
      throw new RequestRejected(GatewayError.INVALID_REQUEST_BODY, "the body does not fit the request model");
    }
  }

  private boolean fitsModel(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      return bodySchema.validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON).isEmpty();
    } catch (RuntimeException notJson) {
      return false;
    }
  }
}
