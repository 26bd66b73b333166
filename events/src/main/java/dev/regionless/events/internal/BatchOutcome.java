package dev.regionless.events.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.events.FailureRecord;

/**
 * How one invocation with a batch ended, in the terms Lambda's stream error handling distinguishes. A closed set:
 * the {@link BatchOutcomePolicy} switches over it.
 */
public sealed interface BatchOutcome {

    /** The request id of the invocation, or empty when none was made. */
    String requestId();

    /** The invocation as an on-failure record's {@code responseContext} describes it; {@code null} if none was made. */
    FailureRecord.Response response();

    /** How the outcome reads in a log line. */
    String describe();

    /** The function succeeded with every record. */
    record Succeeded(String requestId) implements BatchOutcome {
        @Override
        public FailureRecord.Response response() {
            return new FailureRecord.Response(200, null);
        }

        @Override
        public String describe() {
            return "succeeded";
        }
    }

    /**
     * The function succeeded but reported, in a partial batch response, that the record with
     * {@code firstFailedSequence} and every later one still need processing.
     */
    record ReportedFailure(String requestId, long firstFailedSequence) implements BatchOutcome {
        @Override
        public FailureRecord.Response response() {
            return new FailureRecord.Response(200, null);
        }

        @Override
        public String describe() {
            return "reported a failure from record " + firstFailedSequence;
        }
    }

    /**
     * The function failed with the batch as a whole: it threw, timed out, or answered a partial batch response that
     * Lambda reads as a complete failure.
     */
    record FunctionError(String requestId, String description) implements BatchOutcome {
        public FunctionError {
            requireNonNull(requestId, "requestId");
            requireNonNull(description, "description");
        }

        @Override
        public FailureRecord.Response response() {
            return new FailureRecord.Response(200, "Unhandled");
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /**
     * The batch never reached the function: it was throttled, or could not be invoked at all. Lambda retries these
     * until the records expire, without counting them as retries or bisecting.
     */
    record NotInvoked(String requestId, int statusCode, String description) implements BatchOutcome {
        @Override
        public FailureRecord.Response response() {
            return new FailureRecord.Response(statusCode, null);
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
