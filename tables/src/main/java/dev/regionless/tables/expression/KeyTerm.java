package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;
import java.util.List;

/**
 * One condition of a query on one attribute, in the legacy {@code KeyConditions} shape: DynamoDB reduces a
 * {@code KeyConditionExpression} to the same shape before it checks it against the key schema.
 *
 * @param attribute the top-level attribute the condition is on
 * @param operator the comparison
 * @param values the operator's {@code AttributeValueList}
 */
public record KeyTerm(String attribute, ComparisonOperator operator, List<AttributeValue> values) {
    public KeyTerm {
        requireNonNull(attribute, "attribute");
        requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }
}
