package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.expression.Comparator;
import dev.regionless.tables.expression.ComparisonOperator;
import dev.regionless.tables.expression.Condition;
import dev.regionless.tables.expression.DocumentPath;
import dev.regionless.tables.expression.Operand;
import dev.regionless.tables.protocol.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy {@code Expected} parameter of PutItem, UpdateItem and DeleteItem, as a {@link Condition}. Each
 * entry names a top-level attribute and takes one of two forms: {@code Value} with an optional {@code Exists}
 * ({@code Exists: false} alone means the attribute must be absent), or {@code ComparisonOperator} with its values
 * in {@code AttributeValueList} (or in {@code Value}). Mixing the two forms is DynamoDB's
 * {@code ValidationException}, with DynamoDB's texts.
 */
public final class Expected {
    private Expected() {}

    /**
     * The condition the request's {@code Expected} and {@code ConditionalOperator} members state, either of
     * which may be absent ({@code null} or JSON null); empty if there is nothing to check.
     */
    public static Optional<Condition> toCondition(JsonNode expected, JsonNode conditionalOperator) {
        var entries = Nodes.present(expected) ? Nodes.object(expected) : null;
        var operator = ConditionalOperator.of(conditionalOperator, entries == null ? 0 : entries.size());
        var conditions = new ArrayList<Condition>();
        if (entries != null) {
            entries.properties().forEach(e -> conditions.add(condition(e.getKey(), Nodes.object(e.getValue()))));
        }
        return operator.join(conditions);
    }

    private static Condition condition(String attribute, JsonNode entry) {
        var value = entry.get("Value");
        var list = entry.get("AttributeValueList");
        var exists = Nodes.present(entry.get("Exists")) ? Nodes.bool(entry.get("Exists")) : null;
        var operator = Nodes.present(entry.get("ComparisonOperator"))
                ? Nodes.comparisonOperator(
                        entry.get("ComparisonOperator"), "expected." + attribute + ".member.comparisonOperator")
                : null;
        checkShape(attribute, Nodes.present(value), Nodes.present(list), exists, operator);
        var path = DocumentPath.of(attribute);
        if (operator == null) {
            return Boolean.FALSE.equals(exists)
                    ? new Condition.AttributeNotExists(path)
                    : new Condition.Comparison(
                            Comparator.EQ, new Operand.Path(path), new Operand.Value(AttributeValues.read(value)));
        }
        var arguments = Nodes.present(value) ? List.of(AttributeValues.read(value)) : Nodes.values(list);
        operator.checkArguments(arguments);
        return operator.toCondition(path, arguments);
    }

    /** DynamoDB's checks on which members an entry combines, in DynamoDB's order. */
    private static void checkShape(
            String attribute, boolean hasValue, boolean hasList, Boolean exists, ComparisonOperator operator) {
        if (exists != null && operator != null) {
            throw invalid("Exists and ComparisonOperator cannot be used together", attribute);
        }
        if (hasValue && hasList) {
            throw invalid("Value and AttributeValueList cannot be used together", attribute);
        }
        if (operator == null && hasList) {
            throw invalid("AttributeValueList can only be used with a ComparisonOperator", attribute);
        }
        if (Boolean.FALSE.equals(exists) && hasValue) {
            throw invalid("Value cannot be used when Exists is false", attribute);
        }
        if (hasValue || hasList) {
            return;
        }
        if (operator != null && operator != ComparisonOperator.NULL && operator != ComparisonOperator.NOT_NULL) {
            throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator, attribute);
        }
        if (operator == null && !Boolean.FALSE.equals(exists)) {
            throw invalid("Value must be provided when Exists is " + exists, attribute);
        }
    }

    private static AwsException invalid(String problem, String attribute) {
        return TableErrors.invalidParameter(problem + " for Attribute: " + attribute);
    }
}
