package dev.regionless.tables.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.expression.ComparisonOperator;
import dev.regionless.tables.protocol.AttributeValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shapes the legacy parameters share, answering a JSON shape DynamoDB cannot deserialize with a
 * {@code SerializationException} and a value outside a member's constraints with the "1 validation error
 * detected" text DynamoDB's request validation writes.
 */
final class Nodes {
    /** DynamoDB lists ComparisonOperator's values in this order in its constraint errors. */
    private static final String COMPARISON_OPERATORS =
            "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";

    private Nodes() {}

    /** True if the request holds the member: present and not JSON null, as DynamoDB reads an absent member. */
    static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    static ObjectNode object(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw unexpectedType(node);
    }

    static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw TableErrors.serialization(node.getNodeType() + "_VALUE cannot be converted to String");
        }
        return node.textValue();
    }

    static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()
                && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw TableErrors.serialization(node.getNodeType() + "_VALUE cannot be converted to Boolean");
    }

    /** An {@code AttributeValueList}; absent is empty. */
    static List<AttributeValue> values(JsonNode list) {
        var values = new ArrayList<AttributeValue>();
        if (!present(list)) {
            return values;
        }
        if (!list.isArray()) {
            throw unexpectedType(list);
        }
        list.forEach(element -> values.add(AttributeValues.read(element)));
        return values;
    }

    /**
     * A {@code ComparisonOperator} member; {@code location} is the member's path as DynamoDB names it in its
     * errors, for example {@code scanFilter.price.member.comparisonOperator}. Absent is an error.
     */
    static ComparisonOperator comparisonOperator(JsonNode node, String location) {
        if (!present(node)) {
            throw constraint("null", location, "Member must not be null");
        }
        var text = text(node);
        try {
            return ComparisonOperator.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw constraint("'" + text + "'", location, "Member must satisfy enum value set: " + COMPARISON_OPERATORS);
        }
    }

    /** DynamoDB's request-validation error for one member outside its constraint. */
    static AwsException constraint(String value, String location, String constraint) {
        return TableErrors.validation("1 validation error detected: Value " + value + " at '" + location
                + "' failed to satisfy constraint: " + constraint);
    }

    /** A parameter name as DynamoDB writes it in member paths: {@code ScanFilter} becomes {@code scanFilter}. */
    static String memberName(String parameter) {
        return Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
    }

    private static AwsException unexpectedType(JsonNode node) {
        return TableErrors.serialization("Unexpected value type in payload: " + node.getNodeType());
    }
}
