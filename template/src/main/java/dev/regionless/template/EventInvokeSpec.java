package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * A function's asynchronous invocation settings as the template declares them: SAM's {@code EventInvokeConfig} and
 * {@code DeadLetterQueue} on an {@code AWS::Serverless::Function}, or an {@code AWS::Lambda::EventInvokeConfig}
 * resource. Values are within Lambda's ranges; destinations are ARNs whose existence the region checks at deploy.
 *
 * @param functionLogicalId the function's logical id
 * @param functionName the function's name in the region
 * @param maximumRetryAttempts 0..2, or {@code null} for Lambda's default
 * @param maximumEventAgeInSeconds 60..21600, or {@code null} for Lambda's default
 * @param onSuccess the on-success destination's ARN (a queue or function), or {@code null}
 * @param onFailure the on-failure destination's ARN (a queue or function), or {@code null}
 * @param deadLetterTarget the dead-letter queue's ARN, or {@code null}
 */
public record EventInvokeSpec(
        String functionLogicalId,
        String functionName,
        Integer maximumRetryAttempts,
        Integer maximumEventAgeInSeconds,
        String onSuccess,
        String onFailure,
        String deadLetterTarget) {

    public EventInvokeSpec {
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
    }

    /** Whether failed events have somewhere to go. */
    public boolean hasFailureTarget() {
        return onFailure != null || deadLetterTarget != null;
    }

    /** These settings with the dead-letter queue {@code target}. */
    public EventInvokeSpec withDeadLetterTarget(String target) {
        return new EventInvokeSpec(
                functionLogicalId,
                functionName,
                maximumRetryAttempts,
                maximumEventAgeInSeconds,
                onSuccess,
                onFailure,
                target);
    }
}
