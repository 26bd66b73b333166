package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.AwsException;
import dev.regionless.functions.FunctionErrors;
import java.time.Instant;

/**
 * How a function's asynchronous invocations are retried and where their records go: Lambda's
 * {@code FunctionEventInvokeConfig}, set with {@code PutFunctionEventInvokeConfig} or a template's
 * {@code EventInvokeConfig} / {@code AWS::Lambda::EventInvokeConfig}, plus the function's dead-letter queue
 * ({@code DeadLetterConfig.TargetArn}, SAM's {@code DeadLetterQueue}), which Lambda keeps in the function's own
 * configuration but which matters only here.
 *
 * @param functionName the function
 * @param maximumRetryAttempts retries after a function error, 0..2, or {@code null} for Lambda's default of 2
 * @param maximumEventAgeInSeconds how long an event may wait in the queue, 60..21600, or {@code null} for 21600
 * @param onSuccess the ARN of the on-success destination, or {@code null}
 * @param onFailure the ARN of the on-failure destination, or {@code null}
 * @param deadLetterTarget the ARN of the dead-letter queue, or {@code null}
 * @param lastModified when it was last set
 */
public record EventInvokeConfig(
        String functionName,
        Integer maximumRetryAttempts,
        Integer maximumEventAgeInSeconds,
        String onSuccess,
        String onFailure,
        String deadLetterTarget,
        Instant lastModified) {
    public static final int DEFAULT_RETRY_ATTEMPTS = 2;
    public static final int MAX_RETRY_ATTEMPTS = 2;
    public static final int MIN_EVENT_AGE_SECONDS = 60;
    public static final int MAX_EVENT_AGE_SECONDS = 21_600;

    /** @throws AwsException {@code InvalidParameterValueException} for a value out of Lambda's range */
    public EventInvokeConfig {
        requireNonNull(functionName, "functionName");
        requireNonNull(lastModified, "lastModified");
        if (maximumRetryAttempts != null) {
            check(maximumRetryAttempts, "maximumRetryAttempts", 0, MAX_RETRY_ATTEMPTS);
        }
        if (maximumEventAgeInSeconds != null) {
            check(maximumEventAgeInSeconds, "maximumEventAgeInSeconds", MIN_EVENT_AGE_SECONDS, MAX_EVENT_AGE_SECONDS);
        }
        onSuccess = blankToNull(onSuccess);
        onFailure = blankToNull(onFailure);
        deadLetterTarget = blankToNull(deadLetterTarget);
    }

    /** Lambda's defaults: two retries, six hours, no destinations. */
    public static EventInvokeConfig defaults(String functionName, Instant now) {
        return new EventInvokeConfig(functionName, null, null, null, null, null, now);
    }

    /** The retries after a function error that apply. */
    public int retryAttempts() {
        return maximumRetryAttempts == null ? DEFAULT_RETRY_ATTEMPTS : maximumRetryAttempts;
    }

    /** The longest an event may wait that applies, in seconds. */
    public int eventAgeSeconds() {
        return maximumEventAgeInSeconds == null ? MAX_EVENT_AGE_SECONDS : maximumEventAgeInSeconds;
    }

    /** Whether any setting of {@code PutFunctionEventInvokeConfig} is set (the dead-letter queue is not one). */
    public boolean hasInvokeSettings() {
        return maximumRetryAttempts != null
                || maximumEventAgeInSeconds != null
                || onSuccess != null
                || onFailure != null;
    }

    /** These settings with another dead-letter queue; the event invoke config API leaves it as the template set it. */
    public EventInvokeConfig withDeadLetterTarget(String target) {
        return new EventInvokeConfig(
                functionName,
                maximumRetryAttempts,
                maximumEventAgeInSeconds,
                onSuccess,
                onFailure,
                target,
                lastModified);
    }

    private static void check(int value, String member, int min, int max) {
        if (value < min || value > max) {
            var bound = value < min
                    ? "Member must have value greater than or equal to " + min
                    : "Member must have value less than or equal to " + max;
            throw FunctionErrors.invalidParameter("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: " + bound);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
