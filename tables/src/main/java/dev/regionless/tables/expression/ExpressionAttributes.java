package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.TableErrors;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, shared by every expression
 * of that request, remembering which placeholders the expressions used.
 *
 * <p>Parsers resolve {@code #name} and {@code :value} through it (an undefined one is an error); once all the
 * request's expressions are parsed, {@link #requireAllUsed()} rejects any that none of them used, as DynamoDB
 * does. One instance belongs to one request; it is not thread-safe.
 */
public final class ExpressionAttributes {
    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    private ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = Map.copyOf(names);
        this.values = Map.copyOf(values);
    }

    /** The placeholders of a request; an absent parameter is an empty map. Keys must look like placeholders. */
    public static ExpressionAttributes of(Map<String, String> names, Map<String, AttributeValue> values) {
        requireNonNull(names, "names").keySet().forEach(key -> checkKey(key, NAME_KEY, "ExpressionAttributeNames"));
        requireNonNull(values, "values").keySet().forEach(key -> checkKey(key, VALUE_KEY, "ExpressionAttributeValues"));
        return new ExpressionAttributes(names, values);
    }

    /** No placeholders at all. */
    public static ExpressionAttributes none() {
        return new ExpressionAttributes(Map.of(), Map.of());
    }

    private static void checkKey(String key, Pattern pattern, String parameter) {
        if (!pattern.matcher(key).matches()) {
            throw TableErrors.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
        }
    }

    /** The attribute name a {@code #name} placeholder stands for. */
    String name(String placeholder, ExpressionKind kind) {
        var name = names.get(placeholder);
        if (name == null) {
            throw kind.error("An expression attribute name used in the document path is not defined; "
                    + "attribute name: " + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    /** The value a {@code :value} placeholder stands for. */
    AttributeValue value(String placeholder, ExpressionKind kind) {
        var value = values.get(placeholder);
        if (value == null) {
            throw kind.error("An expression attribute value used in expression is not defined; " + "attribute value: "
                    + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /**
     * Fails if a defined placeholder was used by none of the expressions parsed so far, naming the unused names
     * first, then the unused values, as DynamoDB does.
     */
    public void requireAllUsed() {
        var unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw TableErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        var unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw TableErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
