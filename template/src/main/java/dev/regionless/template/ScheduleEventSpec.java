package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A function's {@code Schedule} event (an EventBridge rule with a schedule expression) or {@code ScheduleV2} event
 * (an EventBridge Scheduler schedule). The expression has been checked: it parses as EventBridge's syntax.
 *
 * @param functionLogicalId the logical id of the function that declares the event
 * @param functionName that function's name
 * @param eventName the event's key under {@code Events}
 * @param kind which of the two event types it is
 * @param name the rule's or schedule's name: {@code Name}, or {@code STACK-FunctionEvent} (at most 64 characters)
 * @param groupName the Scheduler group ({@code GroupName}, default {@code default}); {@code null} for a rule
 * @param expression {@code Schedule} or {@code ScheduleExpression}: {@code rate(...)}, {@code cron(...)}, or for
 *     Scheduler also {@code at(...)}
 * @param input {@code Input}, JSON text delivered instead of the event, or {@code null}
 * @param enabled {@code Enabled}, or {@code State} {@code ENABLED} (the default)
 * @param startDate Scheduler's {@code StartDate}, or {@code null}
 * @param endDate Scheduler's {@code EndDate}, or {@code null}
 */
public record ScheduleEventSpec(
        String functionLogicalId,
        String functionName,
        String eventName,
        Kind kind,
        String name,
        String groupName,
        String expression,
        String input,
        boolean enabled,
        Instant startDate,
        Instant endDate) {

    /** The SAM event type. */
    public enum Kind {
        /** {@code Schedule}: EventBridge's scheduled rules. */
        SCHEDULE,
        /** {@code ScheduleV2}: EventBridge Scheduler. */
        SCHEDULE_V2
    }

    public ScheduleEventSpec {
        requireNonNull(functionLogicalId, "functionLogicalId");
        requireNonNull(functionName, "functionName");
        requireNonNull(eventName, "eventName");
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        requireNonNull(expression, "expression");
    }
}
