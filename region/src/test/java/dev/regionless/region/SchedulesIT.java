package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template's {@code Schedule} and {@code ScheduleV2} events in a real region: a handler that records the events
 * it gets ({@code EventRecorder}), and the region's clock moved by the test instead of waiting.
 */
class SchedulesIT {
    @TempDir
    Path folder;

    StreamFixture fixture;

    @BeforeEach
    void start() {
        fixture = new StreamFixture(folder, """
                Ticker:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: dev.regionless.testfunctions.EventRecorder
                    Environment:
                      Variables:
                        RECEIVED_TABLE: events
                    Events:
                      EveryFiveMinutes:
                        Type: Schedule
                        Properties:
                          Schedule: rate(5 minutes)
                      Nightly:
                        Type: ScheduleV2
                        Properties:
                          ScheduleExpression: cron(0 2 * * ? *)
                          Input: '{"job": "compact", "due": "<aws.scheduler.scheduled-time>"}'
                      Paused:
                        Type: Schedule
                        Properties:
                          Schedule: rate(1 minute)
                          Enabled: false
                """);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private List<JsonNode> scheduledEvents() {
        return fixture.events().stream()
                .filter(event -> event.has("detail-type"))
                .toList();
    }

    @Test
    void aRateRuleDeliversAScheduledEventOnTime() {
        fixture.clock.advance(Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.events().isEmpty());
        var event = fixture.events().getFirst();
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("time").asText()).isEqualTo("2026-03-01T10:05:00Z");
        assertThat(event.get("region").asText()).isEqualTo("eu-west-2");
        assertThat(event.get("resources").get(0).asText())
                .isEqualTo("arn:aws:events:eu-west-2:123456789012:rule/" + folder.getFileName()
                        + "-TickerEveryFiveMinutes");
        assertThat(event.get("detail").isEmpty()).isTrue();
    }

    @Test
    void aSchedulerCronFiresAtItsTimeWithItsInputAndALongPauseFiresTheRateOnceNotOncePerPeriod() {
        fixture.clock.advance(Duration.ofHours(16)); // 2026-03-02T02:00:00Z

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.events().size() >= 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> fixture.events().size() == 2);
        var nightly =
                fixture.events().stream().filter(event -> event.has("job")).toList();
        assertThat(nightly).hasSize(1);
        assertThat(nightly.getFirst().get("due").asText()).isEqualTo("2026-03-02T02:00:00Z");
        assertThat(scheduledEvents()).hasSize(1); // the rate's one late fire, not 192; the paused rule never
        assertThat(scheduledEvents().getFirst().get("time").asText()).isEqualTo("2026-03-01T10:05:00Z");
    }
}
