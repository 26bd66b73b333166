package dev.regionless.tables.protocol;

import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects a request's constraint violations and reports them together, in DynamoDB's words: "1 validation error
 * detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must ...", several joined by "; ".
 */
final class ValidationErrors {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private final List<String> errors = new ArrayList<>();

    void notNull(String path, Object value) {
        if (value == null) {
            errors.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
    }

    /** Table and index names: 3..255 characters of [a-zA-Z0-9_.-]. */
    void name(String path, String value, boolean required) {
        if (value == null) {
            if (required) {
                notNull(path, null);
            }
            return;
        }
        if (!TABLE_NAME.matcher(value).matches()) {
            add(value, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        if (value.length() < 3) {
            add(value, path, "Member must have length greater than or equal to 3");
        }
        if (value.length() > 255) {
            add(value, path, "Member must have length less than or equal to 255");
        }
    }

    void atLeast(String path, Number value, long minimum) {
        if (value != null && value.longValue() < minimum) {
            add(value, path, "Member must have value greater than or equal to " + minimum);
        }
    }

    void atMost(String path, Number value, long maximum) {
        if (value != null && value.longValue() > maximum) {
            add(value, path, "Member must have value less than or equal to " + maximum);
        }
    }

    void oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, path, "Member must satisfy enum value set: " + allowed);
        }
    }

    void sizeBetween(String path, List<?> value, int minimum, int maximum) {
        if (value == null) {
            return;
        }
        if (value.size() < minimum) {
            add("[]", path, "Member must have length greater than or equal to " + minimum);
        } else if (value.size() > maximum) {
            add("[...]", path, "Member must have length less than or equal to " + maximum);
        }
    }

    void lengthBetween(String path, String value, int minimum, int maximum) {
        if (value != null && value.length() < minimum) {
            add(value, path, "Member must have length greater than or equal to " + minimum);
        } else if (value != null && value.length() > maximum) {
            add(value, path, "Member must have length less than or equal to " + maximum);
        }
    }

    private void add(Object value, String path, String constraint) {
        var shown = "'" + value + "'";
        errors.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    /** Throws the collected violations as one {@code ValidationException}, if there are any. */
    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        int count = errors.size();
        throw TableErrors.validation(
                count + " validation error" + (count == 1 ? "" : "s") + " detected: " + String.join("; ", errors));
    }
}
