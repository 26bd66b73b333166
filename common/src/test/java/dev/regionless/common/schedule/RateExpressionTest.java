package dev.regionless.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateExpressionTest {
    private static final Instant ANCHOR = Instant.parse("2026-03-01T10:00:30Z");

    @Test
    void ratesFireEveryPeriodFromTheirAnchor() {
        var rate = ScheduleExpression.parse("rate(5 minutes)");

        assertThat(rate.nextAfter(ANCHOR, ANCHOR)).contains(ANCHOR.plus(Duration.ofMinutes(5)));
        assertThat(rate.nextAfter(ANCHOR.plus(Duration.ofMinutes(12)), ANCHOR))
                .contains(ANCHOR.plus(Duration.ofMinutes(15)));
        assertThat(rate.nextAfter(ANCHOR.plus(Duration.ofMinutes(15)), ANCHOR))
                .contains(ANCHOR.plus(Duration.ofMinutes(20)));
    }

    @Test
    void unitsAreMinutesHoursAndDaysSingularForOne() {
        assertThat(((RateExpression) ScheduleExpression.parse("rate(1 minute)")).period())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(((RateExpression) ScheduleExpression.parse("rate(2 hours)")).period())
                .isEqualTo(Duration.ofHours(2));
        assertThat(((RateExpression) ScheduleExpression.parse("rate(1 day)")).period())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void pluralForOneSingularForMoreZeroAndUnknownUnitsAreRefused() {
        for (var text : new String[] {
            "rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(5 seconds)", "rate(five minutes)", "rate()"
        }) {
            assertThatThrownBy(() -> ScheduleExpression.parse(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("rate(value unit) with a whole value of 1 or more");
        }
    }

    @Test
    void atFiresOnceAndAnythingElseIsRefused() {
        var at = ScheduleExpression.parse("at(2026-03-01T12:00:00)");

        assertThat(at.nextAfter(ANCHOR, ANCHOR)).contains(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(at.nextAfter(Instant.parse("2026-03-01T12:00:00Z"), ANCHOR)).isEmpty();
        assertThatThrownBy(() -> ScheduleExpression.parse("every 5 minutes"))
                .hasMessage("rate(value unit) or cron(minutes hours day-of-month month day-of-week year)");
    }
}
