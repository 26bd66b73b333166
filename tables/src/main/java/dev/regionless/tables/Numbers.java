package dev.regionless.tables;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: at most 38 significant digits, a magnitude between 1E-130 and 9.99...E+125 (or zero),
 * and a canonical form in which {@code 1.0} and {@code 1} are the same number.
 */
public final class Numbers {
    /** The most significant digits a DynamoDB number may have. */
    public static final int MAX_DIGITS = 38;

    private Numbers() {}

    /**
     * Parses a number as DynamoDB JSON carries it, with DynamoDB's messages for text that is not a number or a
     * number out of range.
     */
    public static BigDecimal parse(String text) {
        if (text.isBlank()) {
            throw TableErrors.validation("The parameter cannot be converted to a numeric value");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw TableErrors.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return canonical(value);
    }

    /** The canonical form of a number, after checking DynamoDB's precision and range. */
    public static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        var stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS) {
            throw TableErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        long magnitude = (long) stripped.precision() - stripped.scale() - 1;
        if (magnitude > 125) {
            throw TableErrors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude < -130) {
            throw TableErrors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    /** The text DynamoDB answers for a number: plain notation, no trailing zeros. */
    public static String text(BigDecimal canonical) {
        return canonical.toPlainString();
    }

    /** The bytes a number counts for in an item's size: one per two significant digits, plus one. */
    public static int size(BigDecimal canonical) {
        int digits = canonical.signum() == 0 ? 1 : canonical.precision();
        return (digits + 1) / 2 + 1;
    }
}
