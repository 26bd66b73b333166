package dev.regionless.tables.expression;

import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;

/** The request parameters that carry expressions, named as DynamoDB names them in its error messages. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    PROJECTION("ProjectionExpression"),
    UPDATE("UpdateExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    /** The request parameter, for example {@code ConditionExpression}. */
    public String parameter() {
        return parameter;
    }

    /** A {@code ValidationException} reading "Invalid ConditionExpression: " (or the like) and the detail. */
    public AwsException error(String detail) {
        return TableErrors.validation("Invalid " + parameter + ": " + detail);
    }
}
