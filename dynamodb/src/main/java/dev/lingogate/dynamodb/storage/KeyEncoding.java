package dev.lingogate.dynamodb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encodes key values into bytes whose unsigned lexicographic order (SQLite's order for BLOBs) is
 * DynamoDB's order for the value's type, so that a Query is an index range scan:
 * <ul>
 * <li>S: its UTF-8 bytes (byte order is code point order, which is DynamoDB's);</li>
 * <li>B: its bytes as they are;</li>
 * <li>N: a sign byte (negative 1, zero 2, positive 3), then for the magnitude written as
 * 0.d1d2...dn × 10^E the exponent E biased into two big-endian bytes, the digits each plus one,
 * and a terminating 0; all of it complemented for a negative number, so that a larger magnitude
 * sorts lower. Trailing zeros are stripped first, so equal numbers encode equally.</li>
 * </ul>
 * A key column only ever holds one type (the table's schema fixes it), so no type tag is needed.
 */
public final class KeyEncoding {

    /** The sort key of every item in a table that has no sort key. */
    public static final byte[] NO_SORT_KEY = new byte[0];

    private static final int EXPONENT_BIAS = 0x8000;

    private KeyEncoding() {
    }

    public static byte[] encode(JsonNode value) {
        String type = value.fieldNames().next();
        return switch (type) {
            case "S" -> value.get("S").asText().getBytes(StandardCharsets.UTF_8);
            case "B" -> Base64.getDecoder().decode(value.get("B").asText());
            case "N" -> encodeNumber(new BigDecimal(value.get("N").asText()));
            default -> throw new IllegalArgumentException("a key is S, N or B, not " + type);
        };
    }

    static byte[] encodeNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return new byte[] {2};
        }
        BigDecimal magnitude = number.abs().stripTrailingZeros();
        String digits = magnitude.unscaledValue().toString();
        int exponent = magnitude.precision() - magnitude.scale() + EXPONENT_BIAS;
        ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() + 4);
        boolean negative = number.signum() < 0;
        out.write(negative ? 1 : 3);
        int flip = negative ? 0xFF : 0;
        out.write(((exponent >>> 8) & 0xFF) ^ flip);
        out.write((exponent & 0xFF) ^ flip);
        for (int i = 0; i < digits.length(); i++) {
            out.write((digits.charAt(i) - '0' + 1) ^ flip);
        }
        out.write(flip);
        return out.toByteArray();
    }

    /**
     * The smallest byte string greater than every string that starts with {@code prefix}, or null
     * when there is none (the prefix is all 0xFF): the exclusive upper bound of a begins_with range.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        int last = prefix.length - 1;
        while (last >= 0 && prefix[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        byte[] end = Arrays.copyOf(prefix, last + 1);
        end[last]++;
        return end;
    }
}
