package dev.lingogate.gateway.authorization;

import dev.lingogate.gateway.PayloadFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Lambda authorizer: a function asked whether a request may go on.
 *
 * @param functionName the function, invoked through the gateway's {@code FunctionInvoker}
 * @param type {@code TOKEN} (the function gets the token alone) or {@code REQUEST} (headers, query, ...)
 * @param payloadFormat what the function receives and answers: V1 (REST APIs, and HTTP APIs with
 *     {@code AuthorizerPayloadFormatVersion: 1.0}) answers a policy; V2 answers a policy or, with
 *     simpleResponses, {@code {"isAuthorized": .., "context": ..}}
 * @param simpleResponses HTTP APIs' {@code EnableSimpleResponses}
 * @param identitySources where the identity is; for TOKEN the one header holding the token
 * @param resultTtl how long an answer is reused for the same identity ({@code ReauthorizeEvery},
 *     {@code AuthorizerResultTtlInSeconds}); zero for never
 * @param tokenValidation TOKEN only: a regular expression the token must match, or null
 */
public record LambdaAuthorizer(String functionName, Type type, PayloadFormat payloadFormat, boolean simpleResponses,
                               List<IdentitySource> identitySources, Duration resultTtl, Pattern tokenValidation)
    implements Authorizer {

  public enum Type { TOKEN, REQUEST }

  /** SAM's default for {@code ReauthorizeEvery} and {@code AuthorizerResultTtlInSeconds}. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(300);

  public LambdaAuthorizer {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    identitySources = identitySources == null ? List.of() : List.copyOf(identitySources);
    resultTtl = resultTtl == null ? DEFAULT_TTL : resultTtl;
    if (resultTtl.isNegative()) {
      throw new IllegalArgumentException("the result TTL must not be negative, was " + resultTtl);
    }
    if (type == Type.TOKEN && identitySources.size() != 1) {
      throw new IllegalArgumentException("a TOKEN authorizer reads exactly one header, was " + identitySources);
    }
    if (simpleResponses && payloadFormat != PayloadFormat.V2) {
      throw new IllegalArgumentException("simple responses need payload format 2.0");
    }
  }

  /** A REST API's TOKEN authorizer ({@code FunctionPayloadType: TOKEN}, {@code Identity.Header}). */
  public static LambdaAuthorizer token(String functionName, String header, Duration resultTtl) {
    return new LambdaAuthorizer(functionName, Type.TOKEN, PayloadFormat.V1, false,
        List.of(IdentitySource.header(header == null ? "Authorization" : header)), resultTtl, null);
  }

  /** A REST API's REQUEST authorizer ({@code FunctionPayloadType: REQUEST}, {@code Identity.Headers/QueryStrings}). */
  public static LambdaAuthorizer request(String functionName, List<IdentitySource> identitySources,
                                         Duration resultTtl) {
    return new LambdaAuthorizer(functionName, Type.REQUEST, PayloadFormat.V1, false, identitySources, resultTtl,
        null);
  }

  /** An HTTP API's Lambda authorizer. */
  public static LambdaAuthorizer httpApi(String functionName, PayloadFormat payloadFormat, boolean simpleResponses,
                                         List<IdentitySource> identitySources, Duration resultTtl) {
    return new LambdaAuthorizer(functionName, Type.REQUEST, payloadFormat, simpleResponses, identitySources,
        resultTtl, null);
  }

  /** The same TOKEN authorizer, refusing with 401 a token that does not match ({@code ValidationExpression}). */
  public LambdaAuthorizer withTokenValidation(String regularExpression) {
    return new LambdaAuthorizer(functionName, type, payloadFormat, simpleResponses, identitySources, resultTtl,
        Pattern.compile(regularExpression));
  }
}
