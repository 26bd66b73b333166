package dev.regionless.events.internal;

/**
 * The mapping's {@code LastProcessingResult}, as the Lambda API reports it: what happened to the last batch any of
 * its lanes delivered. Written by the pollers, read by the API.
 */
public final class ProcessingResult {
    public static final String NONE = "No records processed";
    public static final String OK = "OK";
    private static final String REPORTED_FAILURES = "PROBLEM: Function reported batch item failures";

    private volatile String last = NONE;

    public String last() {
        return last;
    }

    /** A queue batch whose function reported some messages failed in a partial batch response. */
    void recordReportedFailures() {
        last = REPORTED_FAILURES;
    }

    void record(BatchOutcome outcome) {
        last = switch (outcome) {
            case BatchOutcome.Succeeded succeeded -> OK;
            case BatchOutcome.ReportedFailure reported -> REPORTED_FAILURES;
            case BatchOutcome.FunctionError error -> "PROBLEM: Function call failed";
            case BatchOutcome.NotInvoked notInvoked ->
                switch (notInvoked.statusCode()) {
                    case 429 -> "PROBLEM: Function call throttled";
                    case 404 -> "PROBLEM: Function not found";
                    default -> "PROBLEM: Function call failed";
                };
        };
    }
}
