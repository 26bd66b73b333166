package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleEventTest {

    /** Function Hello with an event {@code Tick} of {@code type} with {@code properties} (from line 13). */
    private static String template(String type, String properties) {
        return Templates.hello("""
                Events:
                  Tick:
                    Type: %s
                    Properties:
                """.formatted(type)) + properties.stripIndent().indent(12);
    }

    private static ScheduleEventSpec tick(String type, String properties) {
        var schedules = Templates.read(template(type, properties)).schedules();
        assertThat(schedules).hasSize(1);
        return schedules.getFirst();
    }

    private static void assertRejected(String type, String properties, String message) {
        assertThatThrownBy(() -> Templates.read(template(type, properties)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void aScheduleEventIsAnEnabledRuleNamedAfterTheStackFunctionAndEvent() {
        var event = tick("Schedule", "Schedule: rate(5 minutes)\n");

        assertThat(event)
                .isEqualTo(new ScheduleEventSpec(
                        "Hello",
                        "Hello",
                        "Tick",
                        ScheduleEventSpec.Kind.SCHEDULE,
                        "regionless-HelloTick",
                        null,
                        "rate(5 minutes)",
                        null,
                        true,
                        null,
                        null));
    }

    @Test
    void nameInputAndEnabledAreRead() {
        var event = tick("Schedule", """
                Schedule: cron(0 12 * * ? *)
                Name: nightly
                Input: '{"job": "cleanup"}'
                Enabled: false
                """);

        assertThat(event.name()).isEqualTo("nightly");
        assertThat(event.input()).isEqualTo("{\"job\": \"cleanup\"}");
        assertThat(event.enabled()).isFalse();
    }

    @Test
    void stateDisabledDisablesAndEnabledWithStateIsRejected() {
        assertThat(tick("Schedule", "Schedule: rate(1 hour)\nState: DISABLED\n").enabled())
                .isFalse();
        assertRejected(
                "Schedule",
                "Schedule: rate(1 hour)\nState: DISABLED\nEnabled: true\n",
                "template.yaml:14: Resources.Hello.Properties.Events.Tick.Properties.State: is set together with"
                        + " Enabled (expected: one of Enabled and State)");
    }

    @Test
    void anInvalidCronExpressionIsRejectedWithWhatEventBridgeExpects() {
        assertRejected(
                "Schedule",
                "Schedule: cron(0 12 * * * *)\n",
                "template.yaml:13: Resources.Hello.Properties.Events.Tick.Properties.Schedule: cron(0 12 * * * *)"
                        + " (expected: day-of-month or day-of-week must be ? (one of them, not both))");
        assertRejected(
                "Schedule",
                "Schedule: rate(1 minutes)\n",
                "template.yaml:13: Resources.Hello.Properties.Events.Tick.Properties.Schedule: rate(1 minutes)"
                        + " (expected: rate(value unit) with a whole value of 1 or more and unit minute, minutes, hour,"
                        + " hours, day or days, singular for 1 (rate(1 hour)) and plural above (rate(5 minutes)))");
    }

    @Test
    void atExpressionsBelongToScheduleV2() {
        assertRejected(
                "Schedule",
                "Schedule: at(2026-03-01T12:00:00)\n",
                "template.yaml:13: Resources.Hello.Properties.Events.Tick.Properties.Schedule: at(2026-03-01T12:00:00)"
                        + " (expected: rate(...) or cron(...); at(...) is EventBridge Scheduler's, for a ScheduleV2"
                        + " event)");
        assertThat(tick("ScheduleV2", "ScheduleExpression: at(2026-03-01T12:00:00)\n")
                        .expression())
                .isEqualTo("at(2026-03-01T12:00:00)");
    }

    @Test
    void inputThatIsNotJsonIsRejected() {
        assertRejected(
                "Schedule",
                "Schedule: rate(1 hour)\nInput: not json\n",
                "template.yaml:14: Resources.Hello.Properties.Events.Tick.Properties.Input: not json (expected: JSON"
                        + " text, delivered to the function instead of the event)");
    }

    @Test
    void aScheduleV2EventReadsSchedulerSettings() {
        var event = tick("ScheduleV2", """
                ScheduleExpression: cron(0/30 * * * ? *)
                ScheduleExpressionTimezone: UTC
                GroupName: jobs
                StartDate: '2026-03-01T00:00:00Z'
                EndDate: '2026-04-01T00:00:00'
                State: DISABLED
                FlexibleTimeWindow: {Mode: FLEXIBLE, MaximumWindowInMinutes: 5}
                """);

        assertThat(event.kind()).isEqualTo(ScheduleEventSpec.Kind.SCHEDULE_V2);
        assertThat(event.groupName()).isEqualTo("jobs");
        assertThat(event.startDate()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(event.endDate()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(event.enabled()).isFalse();
    }

    @Test
    void timeZonesOtherThanUtcAreRejected() {
        assertRejected(
                "ScheduleV2",
                "ScheduleExpression: cron(0 9 * * ? *)\nScheduleExpressionTimezone: Europe/London\n",
                "template.yaml:14: Resources.Hello.Properties.Events.Tick.Properties.ScheduleExpressionTimezone:"
                        + " Europe/London is not supported by Regionless yet (expected: UTC; schedules run in UTC only)");
    }

    @Test
    void deliveryRetriesAreWarnedAboutAsNotModelled() {
        var app = Templates.read(
                template("Schedule", "Schedule: rate(1 hour)\nRetryPolicy: {MaximumRetryAttempts: 3}\n"));

        assertThat(app.warnings())
                .contains("template.yaml:14: Resources.Hello.Properties.Events.Tick.Properties.RetryPolicy: is ignored"
                        + " (EventBridge's retries of a failed delivery are not modelled: the region hands each event"
                        + " straight to the function)");
    }
}
