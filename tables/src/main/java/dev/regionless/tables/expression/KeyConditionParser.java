package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.KeySchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Parses a {@code KeyConditionExpression}: {@code pk = :v}, optionally {@code AND} one sort key condition
 * ({@code = < <= > >=}, {@code BETWEEN}, {@code begins_with}), in either order and with the value on either
 * side of a comparison ({@code :v = pk}).
 *
 * <p>As DynamoDB does, it first reduces the expression to one condition per attribute, rejecting what cannot be
 * a key condition (other operators, functions, nested paths), and then checks those conditions against the key
 * with {@link KeyConditionBuilder}, the rules the legacy {@code KeyConditions} follow too.
 */
public final class KeyConditionParser {
    private static final ExpressionKind KIND = ExpressionKind.KEY_CONDITION;
    private static final String INVALID_CONDITION = "Invalid condition in KeyConditionExpression: ";

    private KeyConditionParser() {}

    /** Parses the expression for a table or index with the given key, checking the values' types against it. */
    public static KeyCondition parse(String expression, ExpressionAttributes attributes, KeySchema key) {
        return KeyConditionBuilder.build(terms(expression, attributes), requireNonNull(key, "key"));
    }

    /**
     * Parses the expression for a key known only by the names of its partition key and sort key; values are not
     * checked against the key's types.
     */
    public static KeyCondition parse(
            String expression, ExpressionAttributes attributes, String partitionKey, String sortKey) {
        return KeyConditionBuilder.build(
                terms(expression, attributes), partitionKey, Optional.of(requireNonNull(sortKey, "sortKey")));
    }

    /** As {@link #parse(String, ExpressionAttributes, String, String)}, for a key with no sort key. */
    public static KeyCondition parse(String expression, ExpressionAttributes attributes, String partitionKey) {
        return KeyConditionBuilder.build(terms(expression, attributes), partitionKey, Optional.empty());
    }

    private static List<KeyTerm> terms(String expression, ExpressionAttributes attributes) {
        var condition = ConditionParser.parse(expression, KIND, attributes);
        var terms = new ArrayList<KeyTerm>();
        var attributesSeen = new HashSet<String>();
        for (var part : flatten(condition)) {
            var term = term(part);
            if (!attributesSeen.add(term.attribute())) {
                throw TableErrors.validation("KeyConditionExpressions must only contain one condition per key");
            }
            terms.add(term);
        }
        return terms;
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

    private static KeyTerm term(Condition part) {
        return switch (part) {
            case Condition.Comparison(var comparator, var left, var right) -> comparison(comparator, left, right);
            case Condition.Between(var value, var low, var high) -> {
                if (!(value instanceof Operand.Path)) {
                    throw TableErrors.validation(
                            INVALID_CONDITION + "BETWEEN operator must have the key attribute as its first operand");
                }
                var name = keyAttribute(List.of(value, low, high));
                yield new KeyTerm(name, ComparisonOperator.BETWEEN, List.of(value(low), value(high)));
            }
            case Condition.BeginsWith(var path, var prefix) -> {
                var name = keyAttribute(List.of(new Operand.Path(path), prefix));
                yield new KeyTerm(name, ComparisonOperator.BEGINS_WITH, List.of(value(prefix)));
            }
            case Condition.Or ignored -> throw invalidOperator("OR");
            case Condition.Not ignored -> throw invalidOperator("NOT");
            case Condition.In ignored -> throw invalidOperator("IN");
            case Condition.AttributeExists ignored -> throw invalidOperator("attribute_exists");
            case Condition.AttributeNotExists ignored -> throw invalidOperator("attribute_not_exists");
            case Condition.AttributeType ignored -> throw invalidOperator("attribute_type");
            case Condition.Contains ignored -> throw invalidOperator("contains");
            case Condition.And ignored -> throw new IllegalStateException("AND is flattened before this point");
        };
    }

    /** {@code pk = :v} or {@code :v = pk}; the second is read with the operator flipped. */
    private static KeyTerm comparison(Comparator comparator, Operand left, Operand right) {
        if (comparator == Comparator.NE) {
            throw invalidOperator("<>");
        }
        var name = keyAttribute(List.of(left, right));
        if (left instanceof Operand.Path) {
            return new KeyTerm(name, ComparisonOperator.of(comparator), List.of(value(right)));
        }
        return new KeyTerm(name, ComparisonOperator.of(comparator.flipped()), List.of(value(left)));
    }

    /** The one top-level attribute among a condition's operands; every other operand must be a value. */
    private static String keyAttribute(List<Operand> operands) {
        String name = null;
        for (var operand : operands) {
            if (operand instanceof Operand.Size) {
                throw TableErrors.validation("KeyConditionExpressions cannot contain nested operations");
            }
            if (operand instanceof Operand.Path(var path)) {
                if (name != null) {
                    throw TableErrors.validation(INVALID_CONDITION + "Multiple attribute names used in one condition");
                }
                if (!path.isTopLevel()) {
                    throw TableErrors.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                name = path.attribute();
            }
        }
        if (name == null) {
            throw TableErrors.validation(INVALID_CONDITION + "No key attribute specified");
        }
        return name;
    }

    private static AttributeValue value(Operand operand) {
        if (operand instanceof Operand.Value(var value)) {
            return value;
        }
        throw new IllegalStateException("keyAttribute admits only values beside the key: " + operand);
    }

    private static AwsException invalidOperator(String operator) {
        return TableErrors.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
