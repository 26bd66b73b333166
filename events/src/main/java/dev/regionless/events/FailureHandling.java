package dev.regionless.events;

import dev.regionless.functions.FunctionErrors;
import java.util.Optional;

/**
 * What a stream mapping does when its function fails, with Lambda's names, defaults and limits. The defaults retry a
 * failing batch whole until it succeeds or its records leave the stream, so a poison record blocks its shard for up
 * to a day, as on Lambda.
 *
 * @param bisectBatchOnFunctionError split a batch whose invocation failed in two and retry the halves; splitting does
 *     not count as a retry
 * @param maximumRetryAttempts how often a failed batch is retried before it is discarded: -1 (infinite, until the
 *     records expire) or 0 to 10,000. Only function errors and timeouts count; throttles and invocations that could
 *     not start are retried until the records expire
 * @param maximumRecordAgeInSeconds records older than this are discarded without being sent: -1 (infinite, until
 *     they leave the stream) or 60 to 604,800
 * @param reportBatchItemFailures the function may answer {@code {"batchItemFailures":[{"itemIdentifier": ...}]}} to
 *     report which record failed first ({@code FunctionResponseTypes: [ReportBatchItemFailures]})
 * @param onFailureDestination the ARN that receives a discarded batch's description
 *     ({@code DestinationConfig.OnFailure.Destination}), or {@code null} to log it only
 */
public record FailureHandling(
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        int maximumRecordAgeInSeconds,
        boolean reportBatchItemFailures,
        String onFailureDestination) {
    public static final int INFINITE = -1;
    public static final int MAX_RETRY_ATTEMPTS = 10_000;
    public static final int MIN_RECORD_AGE_SECONDS = 60;
    public static final int MAX_RECORD_AGE_SECONDS = 604_800;

    private static final FailureHandling DEFAULTS = new FailureHandling(false, INFINITE, INFINITE, false, null);

    public FailureHandling {
        if (maximumRetryAttempts < INFINITE || maximumRetryAttempts > MAX_RETRY_ATTEMPTS) {
            throw FunctionErrors.invalidParameter("maximumRetryAttempts: " + maximumRetryAttempts
                    + " (expected: -1 for infinite, or 0.." + MAX_RETRY_ATTEMPTS + ")");
        }
        if (maximumRecordAgeInSeconds != INFINITE
                && (maximumRecordAgeInSeconds < MIN_RECORD_AGE_SECONDS
                        || maximumRecordAgeInSeconds > MAX_RECORD_AGE_SECONDS)) {
            throw FunctionErrors.invalidParameter("maximumRecordAgeInSeconds: " + maximumRecordAgeInSeconds
                    + " (expected: -1 for infinite, or " + MIN_RECORD_AGE_SECONDS + ".." + MAX_RECORD_AGE_SECONDS
                    + ")");
        }
        if (onFailureDestination != null && onFailureDestination.isBlank()) {
            onFailureDestination = null;
        }
    }

    /** Lambda's defaults: no bisection, infinite retries and age, no partial batch responses, no destination. */
    public static FailureHandling defaults() {
        return DEFAULTS;
    }

    public Optional<String> onFailure() {
        return Optional.ofNullable(onFailureDestination);
    }

    /** True when retries are limited, so that a failing batch is eventually discarded. */
    public boolean limitsRetries() {
        return maximumRetryAttempts != INFINITE;
    }

    /** True when records are discarded after a maximum age shorter than the stream's retention. */
    public boolean limitsRecordAge() {
        return maximumRecordAgeInSeconds != INFINITE;
    }

    public FailureHandling withBisectBatchOnFunctionError(boolean bisect) {
        return new FailureHandling(
                bisect, maximumRetryAttempts, maximumRecordAgeInSeconds, reportBatchItemFailures, onFailureDestination);
    }

    public FailureHandling withMaximumRetryAttempts(int attempts) {
        return new FailureHandling(
                bisectBatchOnFunctionError,
                attempts,
                maximumRecordAgeInSeconds,
                reportBatchItemFailures,
                onFailureDestination);
    }

    public FailureHandling withMaximumRecordAgeInSeconds(int seconds) {
        return new FailureHandling(
                bisectBatchOnFunctionError,
                maximumRetryAttempts,
                seconds,
                reportBatchItemFailures,
                onFailureDestination);
    }

    public FailureHandling withReportBatchItemFailures(boolean report) {
        return new FailureHandling(
                bisectBatchOnFunctionError,
                maximumRetryAttempts,
                maximumRecordAgeInSeconds,
                report,
                onFailureDestination);
    }

    public FailureHandling withOnFailureDestination(String arn) {
        return new FailureHandling(
                bisectBatchOnFunctionError,
                maximumRetryAttempts,
                maximumRecordAgeInSeconds,
                reportBatchItemFailures,
                arn);
    }
}
