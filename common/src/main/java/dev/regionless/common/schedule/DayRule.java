package dev.regionless.common.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;

/**
 * Which days of a month a cron expression fires on: its day-of-month field or its day-of-week field, whichever is
 * not {@code ?}. Days of the week count from 1 = Sunday to 7 = Saturday, as in EventBridge.
 */
sealed interface DayRule {

    boolean matches(LocalDate date);

    /** Listed days of the month ({@code 1,15}, {@code 1-7}, {@code 5/10}, {@code *}). */
    record DaysOfMonth(BitSet days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(date.getDayOfMonth());
        }
    }

    /** {@code L}: the month's last day. */
    record LastDayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfMonth() == date.lengthOfMonth();
        }
    }

    /** {@code LW}: the month's last weekday (Monday to Friday). */
    record LastWeekdayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            var last = date.with(TemporalAdjusters.lastDayOfMonth());
            while (isWeekend(last)) {
                last = last.minusDays(1);
            }
            return date.equals(last);
        }
    }

    /**
     * {@code nW}: the weekday nearest to day {@code n}; never in another month, so a Saturday the 1st moves to
     * Monday the 3rd and a Sunday that ends the month to the Friday before. No fire in a month shorter than n days.
     */
    record NearestWeekday(int day) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            if (day > date.lengthOfMonth()) {
                return false;
            }
            var target = date.withDayOfMonth(day);
            if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
                target = day == 1 ? target.plusDays(2) : target.minusDays(1);
            } else if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = day == date.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
            }
            return date.equals(target);
        }
    }

    /** Listed days of the week ({@code MON-FRI}, {@code 1,7}, {@code L} for Saturday). */
    record DaysOfWeek(BitSet days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(number(date.getDayOfWeek()));
        }
    }

    /** {@code nL}: the last such day of the week in the month, such as {@code 6L}, the last Friday. */
    record LastDayOfWeekInMonth(int dayOfWeek) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return number(date.getDayOfWeek()) == dayOfWeek && date.plusDays(7).getMonth() != date.getMonth();
        }
    }

    /** {@code n#k}: the k-th such day of the week in the month, such as {@code 2#1}, the first Monday. */
    record NthDayOfWeekInMonth(int dayOfWeek, int nth) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return number(date.getDayOfWeek()) == dayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
    }

    /** EventBridge's number of a day of the week: 1 = Sunday ... 7 = Saturday. */
    static int number(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
