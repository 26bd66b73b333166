package dev.regionless.common.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)}, {@code cron(0 12 * * ? *)} (six fields, UTC) or, for
 * EventBridge Scheduler, {@code at(2026-03-01T12:00:00)}. Fire times fall on whole minutes for cron and at
 * expressions; a rate fires every period from its anchor (the time the schedule was created).
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException whose message says what was expected, such as {@code day-of-month or
     *     day-of-week must be ?}, for use as {@code expression (expected: message)}
     */
    static ScheduleExpression parse(String text) {
        requireNonNull(text, "text");
        var trimmed = text.strip();
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return RateExpression.parse(trimmed.substring(5, trimmed.length() - 1));
        }
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronExpression.parse(trimmed.substring(5, trimmed.length() - 1));
        }
        if (trimmed.startsWith("at(") && trimmed.endsWith(")")) {
            return AtExpression.parse(trimmed.substring(3, trimmed.length() - 1));
        }
        throw new IllegalArgumentException(
                "rate(value unit) or cron(minutes hours day-of-month month day-of-week year)");
    }

    /**
     * The first fire time strictly after {@code after}, or empty if the expression never fires again.
     *
     * @param anchor when the schedule began; only rates count their periods from it
     */
    Optional<Instant> nextAfter(Instant after, Instant anchor);

    /** The expression as written. */
    String text();
}
