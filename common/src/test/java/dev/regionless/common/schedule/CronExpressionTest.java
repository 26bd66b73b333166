package dev.regionless.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EventBridge cron expressions: the next fire times, in UTC, and the expressions EventBridge refuses. */
class CronExpressionTest {

    /** The next {@code count} fire times after {@code after}. */
    private static List<String> next(String expression, String after, int count) {
        var parsed = ScheduleExpression.parse(expression);
        var times = new ArrayList<String>();
        var time = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            time = parsed.nextAfter(time, Instant.EPOCH).orElseThrow();
            times.add(time.toString());
        }
        return times;
    }

    private static void assertRefused(String expression, String expected) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }

    @Test
    void noonEveryDayFiresAtNoonUtc() {
        assertThat(next("cron(0 12 * * ? *)", "2026-03-01T12:00:00Z", 3))
                .containsExactly("2026-03-02T12:00:00Z", "2026-03-03T12:00:00Z", "2026-03-04T12:00:00Z");
    }

    @Test
    void theNextFireIsStrictlyAfterTheGivenTimeOnAWholeMinute() {
        assertThat(next("cron(* * * * ? *)", "2026-03-01T10:15:30.500Z", 2))
                .containsExactly("2026-03-01T10:16:00Z", "2026-03-01T10:17:00Z");
    }

    @Test
    void stepsRangesAndListsCombine() {
        assertThat(next("cron(0/15 8-9 ? * MON-FRI *)", "2026-03-06T09:40:00Z", 4)) // a Friday
                .containsExactly(
                        "2026-03-06T09:45:00Z", "2026-03-09T08:00:00Z", "2026-03-09T08:15:00Z", "2026-03-09T08:30:00Z");
        assertThat(next("cron(5,35 */12 1,15 * ? *)", "2026-03-01T00:00:00Z", 5))
                .containsExactly(
                        "2026-03-01T00:05:00Z",
                        "2026-03-01T00:35:00Z",
                        "2026-03-01T12:05:00Z",
                        "2026-03-01T12:35:00Z",
                        "2026-03-15T00:05:00Z");
    }

    @Test
    void monthAndDayNamesAreReadInAnyCase() {
        assertThat(next("cron(0 0 ? jan,Jul sun 2027)", "2026-12-31T00:00:00Z", 2))
                .containsExactly("2027-01-03T00:00:00Z", "2027-01-10T00:00:00Z");
    }

    @Test
    void lastDayOfTheMonthFollowsMonthLengthsAndLeapYears() {
        assertThat(next("cron(0 0 L * ? *)", "2027-12-31T00:00:00Z", 4))
                .containsExactly(
                        "2028-01-31T00:00:00Z", "2028-02-29T00:00:00Z", "2028-03-31T00:00:00Z", "2028-04-30T00:00:00Z");
        assertThat(next("cron(0 0 L 2 ? *)", "2026-03-01T00:00:00Z", 3))
                .containsExactly("2027-02-28T00:00:00Z", "2028-02-29T00:00:00Z", "2029-02-28T00:00:00Z");
    }

    @Test
    void februaryTheTwentyNinthFiresOnlyInLeapYearsAndNotIn2100() {
        assertThat(next("cron(0 6 29 2 ? *)", "2096-03-01T00:00:00Z", 2))
                .containsExactly("2104-02-29T06:00:00Z", "2108-02-29T06:00:00Z");
    }

    @Test
    void nearestWeekdayStaysInsideTheMonth() {
        // 2026-08-01 is a Saturday: 1W is Monday the 3rd, not Friday 31 July.
        assertThat(next("cron(0 9 1W 8 ? 2026)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-08-03T09:00:00Z");
        // 2026-03-15 is a Sunday: 15W is Monday the 16th; 2026-02-14 is a Saturday: Friday the 13th.
        assertThat(next("cron(0 9 15W 3 ? 2026)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-03-16T09:00:00Z");
        assertThat(next("cron(0 9 14W 2 ? 2026)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-02-13T09:00:00Z");
        // 2026-05-31 is a Sunday and the month's last day: Friday the 29th.
        assertThat(next("cron(0 9 31W 5 ? 2026)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-05-29T09:00:00Z");
    }

    @Test
    void lastWeekdayOfTheMonth() {
        // 2026-05-31 is a Sunday, 2026-06-30 a Tuesday.
        assertThat(next("cron(0 18 LW * ? 2026)", "2026-05-01T00:00:00Z", 2))
                .containsExactly("2026-05-29T18:00:00Z", "2026-06-30T18:00:00Z");
    }

    @Test
    void nthDayOfTheWeekSkipsMonthsWithoutIt() {
        assertThat(next("cron(0 10 ? * 2#1 *)", "2026-03-01T00:00:00Z", 2)) // first Mondays
                .containsExactly("2026-03-02T10:00:00Z", "2026-04-06T10:00:00Z");
        // Fifth Fridays of 2026: January, May, July, October.
        assertThat(next("cron(0 10 ? * FRI#5 2026)", "2026-01-01T00:00:00Z", 4))
                .containsExactly(
                        "2026-01-30T10:00:00Z", "2026-05-29T10:00:00Z", "2026-07-31T10:00:00Z", "2026-10-30T10:00:00Z");
    }

    @Test
    void lastDayOfTheWeekInTheMonthAndLAloneForSaturday() {
        assertThat(next("cron(0 0 ? * 6L *)", "2026-03-01T00:00:00Z", 2)) // last Fridays
                .containsExactly("2026-03-27T00:00:00Z", "2026-04-24T00:00:00Z");
        assertThat(next("cron(0 0 ? * L *)", "2026-03-01T00:00:00Z", 2))
                .containsExactly("2026-03-07T00:00:00Z", "2026-03-14T00:00:00Z");
    }

    @Test
    void yearsBoundTheSchedule() {
        var lastFire = ScheduleExpression.parse("cron(0 0 1 1 ? 2026-2027)");

        assertThat(lastFire.nextAfter(Instant.parse("2027-01-01T00:00:00Z"), Instant.EPOCH))
                .isEmpty();
        assertThat(next("cron(59 23 31 12 ? 2199)", "2026-01-01T00:00:00Z", 1)).containsExactly("2199-12-31T23:59:00Z");
    }

    @Test
    void theYearEndRollsOverAtMidnightUtc() {
        assertThat(next("cron(0 0 * * ? *)", "2026-12-31T23:59:59Z", 1)).containsExactly("2027-01-01T00:00:00Z");
    }

    @Test
    void bothOrNeitherQuestionMarkIsRefused() {
        assertRefused("cron(0 12 * * * *)", "day-of-month or day-of-week must be ? (one of them, not both)");
        assertRefused("cron(0 12 ? * ? *)", "day-of-month or day-of-week must be ? (one of them, not both)");
    }

    @Test
    void wrongFieldCountsValuesAndWildcardsAreRefused() {
        assertRefused(
                "cron(0 12 * * ?)", "cron(minutes hours day-of-month month day-of-week year), six fields (got 5)");
        assertRefused("cron(60 12 * * ? *)", "minutes 0-59");
        assertRefused("cron(0 24 * * ? *)", "hours 0-23");
        assertRefused("cron(0 0 32 * ? *)", "day-of-month 1-31");
        assertRefused("cron(0 0 ? FOO * *)", "month a value that is a number or a name such as JAN, not 'FOO'");
        assertRefused("cron(0 0 ? * 8 *)", "day-of-week 1-7 or SUN-SAT");
        assertRefused("cron(0 0 1 1 ? 1969)", "year 1970-2199");
        assertRefused("cron(0 0 ? * 2#6 *)", "day-of-week day#n with n from 1 to 5, such as 2#1");
        assertRefused("cron(0 0 ? * 2#1,3#1 *)", "day-of-week one day#n expression, such as 2#1 for the first Monday");
        assertRefused(
                "cron(0 0 5#1 * ? *)",
                "day-of-month L, LW or nW alone, or values, ranges and steps (# is for" + " day-of-week)");
        assertRefused("cron(0 ? 1 * ? *)", "? only in day-of-month or day-of-week");
        assertRefused("cron(0 0 10-5 * ? *)", "day-of-month a range from low to high, such as 1-31");
        assertRefused("cron(0/0 0 1 * ? *)", "minutes a step of 1 or more after /");
    }

    @Test
    void aDateThatNeverComesIsRefused() {
        assertRefused("cron(0 0 31 2 ? *)", "an expression that matches at least one day before 2200");
    }
}
