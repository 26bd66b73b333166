package dev.regionless.common.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One plain field of a cron expression: values, {@code *}, ranges {@code a-b}, steps {@code a/n}, {@code *}{@code /n}
 * and {@code a-b/n}, and lists of these separated by commas. Months and days of the week may be written as names
 * ({@code JAN}, {@code MON}), in any case.
 *
 * @param name how messages name the field, such as {@code minutes}
 * @param min the lowest value
 * @param max the highest value
 * @param names the names of the values from {@code min} on, or an empty list
 */
record CronField(String name, int min, int max, List<String> names) {
    static final CronField MINUTES = new CronField("minutes", 0, 59, List.of());
    static final CronField HOURS = new CronField("hours", 0, 23, List.of());
    static final CronField DAY_OF_MONTH = new CronField("day-of-month", 1, 31, List.of());
    static final CronField MONTH = new CronField(
            "month",
            1,
            12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"));
    static final CronField DAY_OF_WEEK =
            new CronField("day-of-week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));
    static final CronField YEAR = new CronField("year", 1970, 2199, List.of());

    /** The values {@code text} allows, as set bits. */
    BitSet parse(String text) {
        var values = new BitSet(max + 1);
        for (var part : text.split(",", -1)) {
            parsePart(part, values);
        }
        return values;
    }

    private void parsePart(String part, BitSet values) {
        if (part.isEmpty()) {
            throw problem("an empty item in a list");
        }
        int step = 1;
        var range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            step = number(part.substring(slash + 1), "a step");
            if (step < 1) {
                throw problem("a step of 1 or more after /");
            }
            range = part.substring(0, slash);
        }
        int from, to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.indexOf('-') > 0) {
            int dash = range.indexOf('-');
            from = value(range.substring(0, dash));
            to = value(range.substring(dash + 1));
            if (from > to) {
                throw problem("a range from low to high, such as " + display(min) + "-" + display(max));
            }
        } else {
            from = value(range);
            to = slash >= 0 ? max : from; // "5/15" means from 5 to the end, every 15
        }
        for (int value = from; value <= to; value += step) {
            values.set(value);
        }
    }

    /** A value of the field, as a number or a name, checked against its range. */
    int value(String text) {
        var upper = text.toUpperCase(Locale.ROOT);
        int index = names.indexOf(upper);
        if (index >= 0) {
            return min + index;
        }
        int value = number(text, "a value");
        if (value < min || value > max) {
            throw problem(min + "-" + max + (names.isEmpty() ? "" : " or " + names.getFirst() + "-" + names.getLast()));
        }
        return value;
    }

    private int number(String text, String what) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            throw problem(what + " that is a number" + (names.isEmpty() ? "" : " or a name such as " + names.getFirst())
                    + ", not '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private String display(int value) {
        return names.isEmpty() ? Integer.toString(value) : names.get(value - min);
    }

    IllegalArgumentException problem(String expected) {
        return new IllegalArgumentException(name + " " + expected);
    }
}
