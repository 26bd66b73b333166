package dev.regionless.common.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} as EventBridge reads it, in UTC. Minutes 0-59 and
 * hours 0-23 take {@code , - * /}; day-of-month 1-31 also {@code ? L W}; months 1-12 or JAN-DEC; day-of-week 1-7 or
 * SUN-SAT also {@code ? L #}; years 1970-2199. One of day-of-month and day-of-week must be {@code ?}.
 *
 */
public final class CronExpression implements ScheduleExpression {
    static final String FORM = "cron(minutes hours day-of-month month day-of-week year)";

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final DayRule days;
    private final BitSet months;
    private final BitSet years;

    private CronExpression(String text, BitSet minutes, BitSet hours, DayRule days, BitSet months, BitSet years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.years = years;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    static CronExpression parse(String inner) {
        var fields = inner.strip().split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException(FORM + ", six fields (got " + fields.length + ")");
        }
        var dayOfMonth = fields[2];
        var dayOfWeek = fields[4];
        if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
            throw new IllegalArgumentException("day-of-month or day-of-week must be ? (one of them, not both)");
        }
        for (int i : new int[] {0, 1, 3, 5}) {
            if (fields[i].contains("?")) {
                throw new IllegalArgumentException("? only in day-of-month or day-of-week");
            }
        }
        var expression = new CronExpression(
                "cron(" + String.join(" ", fields) + ")",
                CronField.MINUTES.parse(fields[0]),
                CronField.HOURS.parse(fields[1]),
                dayOfMonth.equals("?") ? dayOfWeek(dayOfWeek) : dayOfMonth(dayOfMonth),
                CronField.MONTH.parse(fields[3]),
                CronField.YEAR.parse(fields[5]));
        if (expression.nextAfter(Instant.EPOCH, Instant.EPOCH).isEmpty()) {
            throw new IllegalArgumentException("an expression that matches at least one day before 2200");
        }
        return expression;
    }

    private static DayRule dayOfMonth(String field) {
        var upper = field.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("L")) {
            return new DayRule.LastDayOfMonth();
        }
        if (upper.equals("LW")) {
            return new DayRule.LastWeekdayOfMonth();
        }
        if (upper.endsWith("W")) {
            return new DayRule.NearestWeekday(CronField.DAY_OF_MONTH.value(field.substring(0, field.length() - 1)));
        }
        if (upper.contains("L") || upper.contains("W") || upper.contains("#")) {
            throw CronField.DAY_OF_MONTH.problem(
                    "L, LW or nW alone, or values, ranges and steps (# is for" + " day-of-week)");
        }
        return new DayRule.DaysOfMonth(CronField.DAY_OF_MONTH.parse(field));
    }

    private static DayRule dayOfWeek(String field) {
        var upper = field.toUpperCase(java.util.Locale.ROOT);
        var field7 = CronField.DAY_OF_WEEK;
        if (upper.equals("L")) {
            var saturday = new BitSet();
            saturday.set(7);
            return new DayRule.DaysOfWeek(saturday);
        }
        if (upper.contains("#")) {
            var parts = upper.split("#", -1);
            if (parts.length != 2 || field.contains(",")) {
                throw field7.problem("one day#n expression, such as 2#1 for the first Monday");
            }
            int nth;
            try {
                nth = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw field7.problem("day#n with n from 1 to 5, such as 2#1");
            }
            if (nth < 1 || nth > 5) {
                throw field7.problem("day#n with n from 1 to 5, such as 2#1");
            }
            return new DayRule.NthDayOfWeekInMonth(field7.value(parts[0]), nth);
        }
        if (upper.length() > 1 && upper.endsWith("L")) {
            return new DayRule.LastDayOfWeekInMonth(field7.value(field.substring(0, field.length() - 1)));
        }
        if (upper.contains("L") || upper.contains("W")) {
            throw field7.problem("L, nL or n#k alone, or values, ranges and steps (W is for day-of-month)");
        }
        return new DayRule.DaysOfWeek(field7.parse(field));
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant anchor) {
        var time = LocalDateTime.ofInstant(after, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        while (time.getYear() <= CronField.YEAR.max()) {
            if (!years.get(time.getYear())) {
                int year = years.nextSetBit(time.getYear());
                if (year < 0) {
                    return Optional.empty();
                }
                time = LocalDateTime.of(year, 1, 1, 0, 0);
            } else if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).toLocalDate().plusMonths(1).atStartOfDay();
            } else if (!days.matches(time.toLocalDate())) {
                time = time.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(time.getHour())) {
                int hour = hours.nextSetBit(time.getHour());
                time = hour < 0
                        ? time.toLocalDate().plusDays(1).atStartOfDay()
                        : time.toLocalDate().atTime(hour, 0);
            } else if (!minutes.get(time.getMinute())) {
                int minute = minutes.nextSetBit(time.getMinute());
                time = minute < 0 ? time.truncatedTo(ChronoUnit.HOURS).plusHours(1) : time.withMinute(minute);
            } else {
                return Optional.of(time.toInstant(ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }
}
