package dev.regionless.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.regionless.common.Json;
import dev.regionless.events.ScheduleDefinition;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What a function receives when its schedule fires. A rule sends EventBridge's {@code Scheduled Event} (the shape
 * {@code ScheduledEvent} of aws-lambda-java-events reads), or its {@code Input} instead. A Scheduler schedule sends its
 * {@code Input}, with the context attributes Scheduler fills in, or {@code {}}.
 */
public final class ScheduledEvents {
    private ScheduledEvents() {}

    public static byte[] payload(ScheduleDefinition schedule, Instant scheduledTime, UUID id) {
        var time = scheduledTime.truncatedTo(ChronoUnit.SECONDS).toString();
        return switch (schedule.kind()) {
            case RULE -> schedule.input() != null ? utf8(schedule.input()) : scheduledEvent(schedule, time, id);
            case SCHEDULER ->
                utf8(
                        schedule.input() == null
                                ? "{}"
                                : schedule.input()
                                        .replace("<aws.scheduler.schedule-arn>", schedule.arn())
                                        .replace("<aws.scheduler.scheduled-time>", time)
                                        .replace("<aws.scheduler.execution-id>", id.toString())
                                        .replace("<aws.scheduler.attempt-number>", "1"));
        };
    }

    private static byte[] scheduledEvent(ScheduleDefinition schedule, String time, UUID id) {
        // The rule's ARN names its region and account: arn:aws:events:REGION:ACCOUNT:rule/NAME.
        var arn = schedule.arn().split(":");
        var region = arn.length > 4 ? arn[3] : "";
        var accountId = arn.length > 4 ? arn[4] : "";
        var event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", id.toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", time);
        event.put("region", region);
        event.putArray("resources").add(schedule.arn());
        event.putObject("detail");
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
