package dev.regionless.common.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * EventBridge Scheduler's one-time {@code at(yyyy-mm-ddThh:mm:ss)}, in UTC: fires once, at that time.
 *
 * @param text the expression as written
 * @param time when it fires
 */
public record AtExpression(String text, Instant time) implements ScheduleExpression {

    static AtExpression parse(String inner) {
        try {
            var local = LocalDateTime.parse(inner.strip());
            if (local.getNano() != 0) {
                throw new IllegalArgumentException("at(yyyy-mm-ddThh:mm:ss), whole seconds");
            }
            return new AtExpression("at(" + inner.strip() + ")", local.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at(yyyy-mm-ddThh:mm:ss), such as at(2026-03-01T12:00:00)");
        }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant anchor) {
        return time.isAfter(after) ? Optional.of(time) : Optional.empty();
    }
}
