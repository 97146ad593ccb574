package dev.lingogate.gateway.observability;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} header a function receives: the client's when it is valid, else a
 * new trace started here, so every invocation can be tied to the request that caused it.
 */
public final class TraceParent {

  public static final String HEADER = "traceparent";
  private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_PARENT = "0".repeat(16);
  private static final byte[] TEMPLATE =
      "00-00000000000000000000000000000000-0000000000000000-01".getBytes(StandardCharsets.ISO_8859_1);
  /** A copy of the template per thread, its hex digits overwritten for each new header. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(TEMPLATE::clone);
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private TraceParent() {}

  /** The header to pass on: the incoming one if it is a valid version-00-compatible value, else a fresh one. */
  public static String passOn(String incoming) {
    if (incoming != null) {
      String value = incoming.trim();
      if (VALID.matcher(value).matches() && !value.startsWith("ff")
          && !value.regionMatches(3, ZERO_TRACE, 0, 32) && !value.regionMatches(36, ZERO_PARENT, 0, 16)) {
        return value;
      }
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Written digit by digit: the header is made for every request, and string concatenation of
    // padded hex numbers cost more than the rest of this step.
    // In Latin-1 bytes, the form a String of ASCII keeps them in, so the String needs no conversion;
    // it takes a copy, so each thread writes every header it makes into one buffer of its own.
    byte[] header = SCRATCH.get();
    writeHex(random.nextLong(), header, 3);
    writeHex(random.nextLong(), header, 19);
    writeHex(random.nextLong() | 1, header, 36);
    return new String(header, StandardCharsets.ISO_8859_1);
  }

  /** The 16 lower-case hex digits of the value, at the offset. */
  private static void writeHex(long value, byte[] into, int offset) {
    for (int i = 15; i >= 0; i--) {
      into[offset + i] = HEX_DIGITS[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
