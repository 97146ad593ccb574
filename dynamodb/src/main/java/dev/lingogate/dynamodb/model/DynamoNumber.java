package dev.lingogate.dynamodb.model;

import java.math.BigDecimal;

/**
 * DynamoDB's number: a decimal of at most 38 significant digits whose magnitude lies between
 * 1E-130 and 9.99...E+125, compared by value ({@code 1.0} equals {@code 1}).
 */
public final class DynamoNumber {

    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");

    private DynamoNumber() {
    }

    /** Parses a number as a client sent it, failing with AWS's words when DynamoDB could not store it. */
    public static BigDecimal parse(String text) {
        if (text.isEmpty()) {
            throw new ValidationException("The parameter cannot be converted to a numeric value");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("The parameter cannot be converted to a numeric value: " + text);
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // AWS names a magnitude out of range before too many digits
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(LARGEST) > 0 && exponent(stripped) > 125) {
            throw new ValidationException(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw new ValidationException(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > 38) {
            throw new ValidationException("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }

    /** The power of ten of a number's first significant digit. */
    private static int exponent(BigDecimal value) {
        return value.precision() - value.scale() - 1;
    }

    /** The canonical text DynamoDB answers for a number: no exponent, no trailing zeros. */
    public static String format(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
