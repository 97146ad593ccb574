package dev.lingogate.gateway.admission;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * An API key: what a client sends in {@code x-api-key}, and the usage plans it is a member of.
 *
 * @param id a short public name for the key (API Gateway's key id), what logs and events show
 * @param value the secret the client sends
 * @param createdDate seconds since the epoch, as the AWS CLI shows it
 */
public record ApiKey(String id, String name, String value, boolean enabled, long createdDate,
                     List<String> usagePlanIds) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  /** API Gateway's generated keys are 40 characters; an imported one must have at least 20. */
  private static final int GENERATED_LENGTH = 40;
  private static final int SHORTEST_VALUE = 20;

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    usagePlanIds = usagePlanIds == null ? List.of() : List.copyOf(usagePlanIds);
    if (value.length() < SHORTEST_VALUE) {
      throw new IllegalArgumentException("an API key value must be at least " + SHORTEST_VALUE
          + " characters long, was " + value.length());
    }
  }

  /** A new enabled key with a random 40-character value, as {@code aws apigateway create-api-key} makes. */
  public static ApiKey generate(String name, List<String> usagePlanIds) {
    return imported(name, random(ALPHANUMERIC, GENERATED_LENGTH), usagePlanIds);
  }

  /** A new enabled key with a value chosen elsewhere (at least 20 characters). */
  public static ApiKey imported(String name, String value, List<String> usagePlanIds) {
    return new ApiKey(random(ID_CHARACTERS, 10), name, value, true, System.currentTimeMillis() / 1000,
        usagePlanIds);
  }

  public ApiKey withEnabled(boolean newEnabled) {
    return new ApiKey(id, name, value, newEnabled, createdDate, usagePlanIds);
  }

  private static String random(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    // The value is a secret: never in a log line.
    return "ApiKey[id=" + id + ", name=" + name + ", enabled=" + enabled + ", usagePlanIds=" + usagePlanIds + "]";
  }
}
