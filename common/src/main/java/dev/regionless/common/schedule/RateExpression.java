package dev.regionless.common.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code rate(value unit)}: every {@code value} minutes, hours or days, counted from the schedule's anchor. As in
 * EventBridge, the unit is singular for 1 ({@code rate(1 hour)}) and plural otherwise ({@code rate(5 minutes)}).
 *
 * @param text the expression as written
 * @param period the time between two fires
 */
public record RateExpression(String text, Duration period) implements ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("\\s*(\\d{1,9})\\s+([a-z]+)\\s*");
    private static final String EXPECTED = "rate(value unit) with a whole value of 1 or more and unit minute,"
            + " minutes, hour, hours, day or days, singular for 1 (rate(1 hour)) and plural above (rate(5 minutes))";

    static RateExpression parse(String inner) {
        var matcher = RATE.matcher(inner);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        long value = Long.parseLong(matcher.group(1));
        var unit = matcher.group(2);
        var singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        var base = switch (singular) {
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException(EXPECTED);
        };
        if (value < 1 || (value == 1) != unit.equals(singular)) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return new RateExpression("rate(" + inner.strip() + ")", base.multipliedBy(value));
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant anchor) {
        if (after.isBefore(anchor)) {
            return Optional.of(anchor.plus(period));
        }
        long periods = Duration.between(anchor, after).toMillis() / period.toMillis();
        return Optional.of(anchor.plus(period.multipliedBy(periods + 1)));
    }
}
