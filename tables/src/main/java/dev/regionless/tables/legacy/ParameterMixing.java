package dev.regionless.tables.legacy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.TableErrors;
import java.util.List;

/**
 * DynamoDB's rule that one request uses either the legacy parameters or the expression parameters, never both,
 * and that {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} come only with expressions.
 */
public final class ParameterMixing {
    private ParameterMixing() {}

    /**
     * The two styles of parameter an operation accepts, each listed in the order DynamoDB names them in its
     * error. BatchGetItem's applies to each table's {@code KeysAndAttributes}.
     */
    public enum Operation {
        GET_ITEM(List.of("AttributesToGet"), List.of("ProjectionExpression")),
        BATCH_GET_ITEM(List.of("AttributesToGet"), List.of("ProjectionExpression")),
        PUT_ITEM(List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression")),
        DELETE_ITEM(List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression")),
        UPDATE_ITEM(
                List.of("AttributeUpdates", "Expected", "ConditionalOperator"),
                List.of("UpdateExpression", "ConditionExpression")),
        QUERY(
                List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"),
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression")),
        SCAN(
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"),
                List.of("ProjectionExpression", "FilterExpression"));

        private final List<String> legacyParameters;
        private final List<String> expressionParameters;

        Operation(List<String> legacyParameters, List<String> expressionParameters) {
            this.legacyParameters = legacyParameters;
            this.expressionParameters = expressionParameters;
        }

        /** The expressions that may use ExpressionAttributeValues: all but ProjectionExpression. */
        private List<String> valueExpressions() {
            return expressionParameters.stream()
                    .filter(parameter -> !parameter.equals("ProjectionExpression"))
                    .toList();
        }
    }

    /**
     * Rejects a request that mixes the two styles, naming the parameters of each style it holds, or that has
     * expression attribute names or values but no expression to use them. A Query may combine
     * {@code KeyConditions} with a {@code FilterExpression}; only {@code KeyConditionExpression} excludes it.
     */
    public static void check(ObjectNode request, Operation operation) {
        requireNonNull(request, "request");
        var expressions = present(request, operation.expressionParameters);
        rejectMixing(present(request, operation.legacyParameters), expressions);
        if (Nodes.present(request.get("ExpressionAttributeNames")) && expressions.isEmpty()) {
            throw TableErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        rejectUnusableValues(request, operation.valueExpressions());
    }

    private static void rejectMixing(List<String> legacyPresent, List<String> expressions) {
        var legacy = legacyPresent.stream()
                .filter(parameter ->
                        !parameter.equals("KeyConditions") || expressions.contains("KeyConditionExpression"))
                .toList();
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            throw TableErrors.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: {" + String.join(", ", legacy) + "} "
                    + "Expression parameters: {" + String.join(", ", expressions) + "}");
        }
    }

    /** Values are only for expressions that compare: an operation with none of them (GetItem) is not checked. */
    private static void rejectUnusableValues(ObjectNode request, List<String> valueExpressions) {
        if (Nodes.present(request.get("ExpressionAttributeValues"))
                && !valueExpressions.isEmpty()
                && present(request, valueExpressions).isEmpty()) {
            throw TableErrors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions)
                    + (valueExpressions.size() > 1 ? " are null" : " is null"));
        }
    }

    private static List<String> present(ObjectNode request, List<String> parameters) {
        return parameters.stream()
                .filter(parameter -> Nodes.present(request.get(parameter)))
                .toList();
    }
}
