package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a {@code KeyConditionExpression} against a key schema: {@code pk = :v}, optionally {@code AND} one sort
 * key condition ({@code = < <= > >=}, {@code BETWEEN}, {@code begins_with}), in either order.
 */
public final class KeyConditionParser {
    private static final ExpressionKind KIND = ExpressionKind.KEY_CONDITION;

    private final String partitionKey;
    private final Optional<String> sortKey;

    private KeyConditionParser(String partitionKey, Optional<String> sortKey) {
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
    }

    /**
     * Parses the expression for a table or index whose key is {@code partitionKey} and {@code sortKey}, with
     * DynamoDB's messages for conditions on other attributes or with other operators.
     */
    public static KeyCondition parse(
            String expression, ExpressionAttributes attributes, String partitionKey, String sortKey) {
        return parse(expression, attributes, partitionKey, Optional.of(requireNonNull(sortKey, "sortKey")));
    }

    /** As {@link #parse(String, ExpressionAttributes, String, String)}, for a key with no sort key. */
    public static KeyCondition parse(String expression, ExpressionAttributes attributes, String partitionKey) {
        return parse(expression, attributes, partitionKey, Optional.empty());
    }

    private static KeyCondition parse(
            String expression, ExpressionAttributes attributes, String partitionKey, Optional<String> sortKey) {
        requireNonNull(partitionKey, "partitionKey");
        var condition = ConditionParser.parse(expression, KIND, attributes);
        return new KeyConditionParser(partitionKey, sortKey).build(flatten(condition));
    }

    private static List<Condition> flatten(Condition condition) {
        var parts = new ArrayList<Condition>();
        if (condition instanceof Condition.And(var left, var right)) {
            parts.addAll(flatten(left));
            parts.addAll(flatten(right));
        } else {
            parts.add(condition);
        }
        return parts;
    }

    private KeyCondition build(List<Condition> parts) {
        AttributeValue partitionValue = null;
        KeyCondition.SortKeyCondition sortCondition = null;
        for (var part : parts) {
            var name = keyName(part);
            if (name.equals(partitionKey)) {
                if (partitionValue != null) {
                    throw onePerKey();
                }
                partitionValue = partitionValue(part);
            } else if (sortKey.isPresent() && name.equals(sortKey.get())) {
                if (sortCondition != null) {
                    throw onePerKey();
                }
                sortCondition = sortCondition(name, part);
            } else {
                throw missed(partitionValue == null ? partitionKey : sortKey.orElse(partitionKey));
            }
        }
        if (partitionValue == null) {
            throw missed(partitionKey);
        }
        return sortCondition == null
                ? KeyCondition.of(partitionKey, partitionValue)
                : KeyCondition.of(partitionKey, partitionValue, sortCondition);
    }

    private static String keyName(Condition part) {
        var path = switch (part) {
            case Condition.Comparison(var comparator, Operand.Path(var p), var right) -> p;
            case Condition.Between(Operand.Path(var p), var low, var high) -> p;
            case Condition.BeginsWith(var p, var prefix) -> p;
            case Condition.Comparison c -> throw KIND.error("The expression does not contain a key attribute");
            default -> throw KIND.error("Invalid operator used in KeyConditionExpression: " + operatorName(part));
        };
        return path.isTopLevel() ? path.attribute() : "";
    }

    private static String operatorName(Condition condition) {
        return switch (condition) {
            case Condition.Or ignored -> "OR";
            case Condition.Not ignored -> "NOT";
            case Condition.In ignored -> "IN";
            case Condition.Between ignored -> "BETWEEN";
            case Condition.AttributeExists ignored -> "attribute_exists";
            case Condition.AttributeNotExists ignored -> "attribute_not_exists";
            case Condition.AttributeType ignored -> "attribute_type";
            case Condition.Contains ignored -> "contains";
            default -> "AND";
        };
    }

    private static AttributeValue partitionValue(Condition part) {
        if (part instanceof Condition.Comparison(var comparator, var left, var right) && comparator == Comparator.EQ) {
            return value(right);
        }
        throw TableErrors.validation("Query key condition not supported");
    }

    private static KeyCondition.SortKeyCondition sortCondition(String name, Condition part) {
        return switch (part) {
            case Condition.Comparison(var comparator, var left, var right)
            when comparator != Comparator.NE ->
                new KeyCondition.SortKeyCondition.Compare(name, comparator, value(right));
            case Condition.Between(var value, var low, var high) ->
                new KeyCondition.SortKeyCondition.Between(name, value(low), value(high));
            case Condition.BeginsWith(var path, var prefix) -> beginsWith(name, value(prefix));
            default -> throw KIND.error("Invalid operator used in KeyConditionExpression: <>");
        };
    }

    private static KeyCondition.SortKeyCondition beginsWith(String name, AttributeValue prefix) {
        if (!(prefix instanceof AttributeValue.S) && !(prefix instanceof AttributeValue.B)) {
            throw KIND.error("Incorrect operand type for operator or function; operator or function: begins_with, "
                    + "operand type: " + prefix.typeName());
        }
        return new KeyCondition.SortKeyCondition.BeginsWith(name, prefix);
    }

    private static AttributeValue value(Operand operand) {
        if (operand instanceof Operand.Value(var value)) {
            return value;
        }
        throw KIND.error("The operator or function requires a value operand");
    }

    private static AwsException onePerKey() {
        return TableErrors.validation("KeyConditionExpressions must only contain one condition per key");
    }

    private static AwsException missed(String key) {
        return TableErrors.validation("Query condition missed key schema element: " + key);
    }
}
