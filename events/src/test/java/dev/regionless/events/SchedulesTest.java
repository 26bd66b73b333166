package dev.regionless.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.regionless.common.schedule.ScheduleExpression;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules on a clock the test moves: they fire when it reaches their times, deliver EventBridge's events, and
 * neither storm after a pause nor forget across a restart.
 */
class SchedulesTest {
    private static final String RULE_ARN = "arn:aws:events:eu-west-2:123456789012:rule/tick";

    @TempDir
    Path folder;

    StreamTables tables;
    final List<String> delivered = new CopyOnWriteArrayList<>();
    Schedules schedules;

    @BeforeEach
    void open() {
        tables = new StreamTables(folder); // its clock starts at 2026-03-01T10:00:00Z
        schedules = start();
    }

    @AfterEach
    void close() {
        schedules.close();
        tables.close();
    }

    private Schedules start() {
        return Schedules.start(
                tables.store,
                (function, payload) -> delivered.add(function + " " + new String(payload, StandardCharsets.UTF_8)),
                tables.clock,
                Duration.ofMillis(10),
                new Random(7));
    }

    private static ScheduleDefinition rule(String expression) {
        return new ScheduleDefinition(
                "s-1",
                ScheduleDefinition.Kind.RULE,
                RULE_ARN,
                ScheduleExpression.parse(expression),
                "worker",
                null,
                true,
                null,
                null);
    }

    private void advance(Duration duration) {
        tables.clock.advance(duration);
    }

    private void awaitDeliveries(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() >= count);
    }

    private static ScheduledEvent event(String delivery) {
        var json = delivery.substring(delivery.indexOf(' ') + 1);
        return LambdaEventSerializers.serializerFor(ScheduledEvent.class, ScheduledEvent.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Instant> times() {
        return delivered.stream()
                .map(delivery -> Instant.ofEpochMilli(event(delivery).getTime().getMillis()))
                .toList();
    }

    @Test
    void aRateFiresEveryPeriodFromItsDeployAsTheClockMoves() {
        schedules.deploy(List.of(rule("rate(5 minutes)")));

        advance(Duration.ofMinutes(4));
        await().during(Duration.ofMillis(100)).until(delivered::isEmpty);
        advance(Duration.ofMinutes(1));
        awaitDeliveries(1);
        advance(Duration.ofMinutes(5));
        awaitDeliveries(2);

        assertThat(times())
                .containsExactly(Instant.parse("2026-03-01T10:05:00Z"), Instant.parse("2026-03-01T10:10:00Z"));
    }

    @Test
    void aCronRuleDeliversAScheduledEventThatScheduledEventReads() {
        schedules.deploy(List.of(rule("cron(30 11 * * ? *)")));

        advance(Duration.ofHours(2));
        awaitDeliveries(1);

        assertThat(delivered.getFirst()).startsWith("worker {");
        var event = event(delivered.getFirst());
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getResources()).containsExactly(RULE_ARN);
        assertThat(event.getAccount()).isEqualTo("123456789012");
        assertThat(event.getRegion()).isEqualTo("eu-west-2");
        assertThat(event.getTime().getMillis())
                .isEqualTo(Instant.parse("2026-03-01T11:30:00Z").toEpochMilli());
        assertThat(event.getDetail()).isEmpty();
        assertThat(event.getId()).isNotBlank();
    }

    @Test
    void afterALongPauseAScheduleFiresOnceLateThenKeepsItsTimes() {
        schedules.deploy(List.of(rule("rate(1 minute)")));

        advance(Duration.ofHours(1));
        awaitDeliveries(1);
        await().during(Duration.ofMillis(200)).until(() -> delivered.size() == 1);
        advance(Duration.ofMinutes(1));
        awaitDeliveries(2);

        assertThat(times())
                .containsExactly(Instant.parse("2026-03-01T10:01:00Z"), Instant.parse("2026-03-01T11:01:00Z"));
    }

    @Test
    void inputIsDeliveredInsteadOfTheEvent() {
        var withInput = new ScheduleDefinition(
                "s-1",
                ScheduleDefinition.Kind.RULE,
                RULE_ARN,
                ScheduleExpression.parse("rate(1 hour)"),
                "worker",
                "{\"job\":\"cleanup\"}",
                true,
                null,
                null);
        schedules.deploy(List.of(withInput));

        advance(Duration.ofHours(1));
        awaitDeliveries(1);

        assertThat(delivered).containsExactly("worker {\"job\":\"cleanup\"}");
    }

    @Test
    void aSchedulerScheduleDeliversItsInputWithContextAttributesOrAnEmptyObject() {
        var arn = "arn:aws:scheduler:eu-west-2:123456789012:schedule/default/tick";
        var templated = new ScheduleDefinition(
                "s-1",
                ScheduleDefinition.Kind.SCHEDULER,
                arn,
                ScheduleExpression.parse("cron(0 11 * * ? *)"),
                "worker",
                "{\"at\":\"<aws.scheduler.scheduled-time>\",\"by\":\"<aws.scheduler.schedule-arn>\"}",
                true,
                null,
                null);
        var bare = new ScheduleDefinition(
                "s-2",
                ScheduleDefinition.Kind.SCHEDULER,
                arn,
                ScheduleExpression.parse("at(2026-03-01T10:30:00)"),
                "other",
                null,
                true,
                null,
                null);
        schedules.deploy(List.of(templated, bare));

        advance(Duration.ofHours(1));
        awaitDeliveries(2);

        assertThat(delivered)
                .containsExactlyInAnyOrder(
                        "worker {\"at\":\"2026-03-01T11:00:00Z\",\"by\":\"" + arn + "\"}", "other {}");
        assertThat(schedules.nextFireTimes()).containsOnlyKeys("s-1");
    }

    @Test
    void aDisabledScheduleDoesNotFire() {
        var disabled = rule("rate(1 minute)");
        schedules.deploy(List.of(new ScheduleDefinition(
                disabled.id(),
                disabled.kind(),
                disabled.arn(),
                disabled.expression(),
                disabled.functionName(),
                null,
                false,
                null,
                null)));

        advance(Duration.ofMinutes(3));

        await().during(Duration.ofMillis(200)).until(delivered::isEmpty);
    }

    @Test
    void aRestartedRegionContinuesTheScheduleAndFiresOnceForWhatCameDueWhileItWasDown() {
        schedules.deploy(List.of(rule("rate(5 minutes)")));
        schedules.close();

        advance(Duration.ofMinutes(12));
        schedules = start();
        schedules.deploy(List.of(rule("rate(5 minutes)")));
        awaitDeliveries(1);
        advance(Duration.ofMinutes(3));
        awaitDeliveries(2);

        assertThat(times())
                .containsExactly(Instant.parse("2026-03-01T10:05:00Z"), Instant.parse("2026-03-01T10:15:00Z"));
    }

    @Test
    void startAndEndDatesBoundASchedule() {
        var bounded = new ScheduleDefinition(
                "s-1",
                ScheduleDefinition.Kind.SCHEDULER,
                "arn:aws:scheduler:eu-west-2:123456789012:schedule/default/tick",
                ScheduleExpression.parse("cron(0 * * * ? *)"),
                "worker",
                "{\"at\":\"<aws.scheduler.scheduled-time>\"}",
                true,
                Instant.parse("2026-03-01T12:30:00Z"),
                Instant.parse("2026-03-01T14:00:00Z"));
        schedules.deploy(List.of(bounded));

        for (int hour = 0; hour < 6; hour++) {
            advance(Duration.ofHours(1));
            int expected = Math.max(0, Math.min(2, hour - 2));
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() >= expected);
        }

        await().during(Duration.ofMillis(100)).until(() -> delivered.size() == 2);
        assertThat(delivered)
                .containsExactly(
                        "worker {\"at\":\"2026-03-01T13:00:00Z\"}", "worker {\"at\":\"2026-03-01T14:00:00Z\"}");
    }
}
