package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.common.schedule.ScheduleExpression;
import java.time.Instant;

/**
 * One schedule that invokes a function: an EventBridge scheduled rule (a template's {@code Schedule} event) or an
 * EventBridge Scheduler schedule ({@code ScheduleV2}).
 *
 * @param id stable across deploys and restarts, so a redeployed schedule keeps its timing
 * @param kind which service the schedule imitates; it decides what the function receives
 * @param arn the rule's or the schedule's ARN
 * @param expression when it fires
 * @param functionName the function it invokes
 * @param input the constant JSON text delivered instead of the event, or {@code null}
 * @param enabled false to keep the schedule without firing
 * @param startDate no fire before this (Scheduler's {@code StartDate}), or {@code null}
 * @param endDate no fire after this (Scheduler's {@code EndDate}), or {@code null}
 */
public record ScheduleDefinition(
        String id,
        Kind kind,
        String arn,
        ScheduleExpression expression,
        String functionName,
        String input,
        boolean enabled,
        Instant startDate,
        Instant endDate) {

    /** The service a schedule belongs to. */
    public enum Kind {
        /**
         * An EventBridge rule with a schedule expression: the function receives a {@code Scheduled Event}
         * ({@code ScheduledEvent} of aws-lambda-java-events), or the rule's {@code Input}.
         */
        RULE,
        /**
         * An EventBridge Scheduler schedule: the function receives the schedule's {@code Input}, with Scheduler's
         * context attributes such as {@code <aws.scheduler.scheduled-time>} filled in, or {@code {}} without one.
         */
        SCHEDULER
    }

    public ScheduleDefinition {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(arn, "arn");
        requireNonNull(expression, "expression");
        requireNonNull(functionName, "functionName");
    }

    /** The first fire time after {@code after}, within the start and end dates, or null if none is left. */
    Instant nextAfter(Instant after, Instant anchor) {
        var from = startDate != null && startDate.isAfter(after) ? startDate.minusMillis(1) : after;
        var next = expression.nextAfter(from, anchor).orElse(null);
        return next == null || endDate != null && next.isAfter(endDate) ? null : next;
    }
}
