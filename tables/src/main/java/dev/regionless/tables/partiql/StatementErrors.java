package dev.regionless.tables.partiql;

import dev.regionless.common.AwsException;
import dev.regionless.tables.TableErrors;

/** The {@code ValidationException} texts DynamoDB answers for statements it cannot run. */
final class StatementErrors {
    static final String INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes";

    private StatementErrors() {}

    /** A syntax error: "Statement wasn't well formed, can't be processed: " and what was wrong. */
    static AwsException malformed(String detail) {
        return TableErrors.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    static AwsException parameterCount() {
        return TableErrors.validation("Number of parameters in request and statement don't match.");
    }

    static AwsException incompleteKey() {
        return TableErrors.validation(INCOMPLETE_KEY);
    }

    static AwsException unsupported(String what) {
        return TableErrors.validation("Unsupported operation: " + what);
    }
}
