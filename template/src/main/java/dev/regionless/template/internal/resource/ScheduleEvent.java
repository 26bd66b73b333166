package dev.regionless.template.internal.resource;

import dev.regionless.common.Json;
import dev.regionless.common.schedule.ScheduleExpression;
import dev.regionless.template.FunctionSpec;
import dev.regionless.template.ScheduleEventSpec;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Values;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A {@code Schedule} event (an EventBridge rule that fires on a schedule) or a {@code ScheduleV2} event (an
 * EventBridge Scheduler schedule). The expression is parsed here, so a bad one fails the deploy where it is written,
 * with what EventBridge expects; so does an {@code Input} that is not JSON.
 */
final class ScheduleEvent implements EventSource {
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private final ScheduleEventSpec.Kind kind;

    ScheduleEvent(ScheduleEventSpec.Kind kind) {
        this.kind = kind;
    }

    @Override
    public void read(Event event, FunctionSpec function, ReadContext context) {
        boolean v2 = kind == ScheduleEventSpec.Kind.SCHEDULE_V2;
        (v2 ? SamProperties.SCHEDULE_V2_EVENT : SamProperties.SCHEDULE_EVENT).check(event.properties(), context);
        var properties = new Properties(event.properties(), context.resolver());
        var expressionProperty = v2 ? "ScheduleExpression" : "Schedule";
        var expression = expression(properties.required(expressionProperty, "rate(...) or cron(...)"), v2);
        if (v2) {
            properties.get("ScheduleExpressionTimezone").ifPresent(ScheduleEvent::checkUtc);
            properties
                    .mapping("FlexibleTimeWindow")
                    .ifPresent(window -> checkWindow(new Properties(window, properties.resolver())));
        }
        var input = properties.get("Input").map(ScheduleEvent::json).orElse(null);
        var stack = context.resolver().context().stackName();
        var name = properties
                .get("Name")
                .map(ScheduleEvent::name)
                .orElseGet(() -> defaultName(stack, function.logicalId(), event.name()));
        context.addSchedule(new ScheduleEventSpec(
                function.logicalId(),
                function.functionName(),
                event.name(),
                kind,
                name,
                v2 ? properties.get("GroupName").map(ScheduleEvent::name).orElse("default") : null,
                expression,
                input,
                enabled(properties, v2),
                v2 ? properties.get("StartDate").map(ScheduleEvent::date).orElse(null) : null,
                v2 ? properties.get("EndDate").map(ScheduleEvent::date).orElse(null) : null));
    }

    private static String expression(Node node, boolean v2) {
        var text = Values.string(node);
        try {
            var parsed = ScheduleExpression.parse(text);
            if (!v2 && text.strip().startsWith("at(")) {
                throw node.location()
                        .error(text + " (expected: rate(...) or cron(...); at(...) is EventBridge Scheduler's, for a"
                                + " ScheduleV2 event)");
            }
            return parsed.text();
        } catch (IllegalArgumentException e) {
            throw node.location().error(text + " (expected: " + e.getMessage() + ")");
        }
    }

    private static boolean enabled(Properties properties, boolean v2) {
        var enabled = v2 ? java.util.Optional.<Node>empty() : properties.get("Enabled");
        var state = properties.get("State");
        if (enabled.isPresent() && state.isPresent()) {
            throw state.get().location().error("is set together with Enabled (expected: one of Enabled and State)");
        }
        if (enabled.isPresent()) {
            return Values.bool(enabled.get());
        }
        return state.map(node -> {
                    var value = Values.string(node);
                    return switch (value) {
                        case "ENABLED" -> true;
                        case "DISABLED" -> false;
                        case "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" -> {
                            if (v2) {
                                throw Values.unexpected(node, "ENABLED or DISABLED");
                            }
                            yield true;
                        }
                        default ->
                            throw Values.unexpected(
                                    node,
                                    v2
                                            ? "ENABLED or DISABLED"
                                            : "ENABLED or DISABLED"
                                                    + " (or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS)");
                    };
                })
                .orElse(true);
    }

    private static String json(Node node) {
        var text = Values.string(node);
        try {
            Json.mapper().readTree(text);
            return text;
        } catch (IOException e) {
            throw Values.unexpected(node, "JSON text, delivered to the function instead of the event");
        }
    }

    private static String name(Node node) {
        var name = Values.string(node);
        if (!NAME.matcher(name).matches()) {
            throw Values.unexpected(node, "1 to 64 letters, digits, '.', '-' or '_'");
        }
        return name;
    }

    /** CloudFormation would add a random suffix; a stable name is the same in every region and deploy. */
    static String defaultName(String stack, String functionLogicalId, String eventName) {
        var name = stack + "-" + functionLogicalId + eventName;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    private static void checkUtc(Node node) {
        var zone = Values.string(node);
        try {
            var rules = ZoneId.of(zone).getRules();
            if (rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).equals(ZoneOffset.UTC)) {
                return;
            }
        } catch (java.time.DateTimeException e) {
            throw Values.unexpected(node, "a time zone such as UTC");
        }
        throw node.location()
                .error(zone + " is not supported by Regionless yet (expected: UTC; schedules run in UTC only)");
    }

    private static void checkWindow(Properties window) {
        var mode = Values.string(window.required("Mode", "OFF or FLEXIBLE"));
        switch (mode) {
            case "OFF" -> {}
            // Firing at the scheduled time is always within the window.
            case "FLEXIBLE" ->
                window.integer("MaximumWindowInMinutes", 1, 1440)
                        .orElseThrow(() -> window.missing("MaximumWindowInMinutes", "1..1440 with Mode FLEXIBLE"));
            default -> throw Values.unexpected(window.required("Mode", "OFF or FLEXIBLE"), "OFF or FLEXIBLE");
        }
    }

    private static Instant date(Node node) {
        var text = Values.string(node);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw Values.unexpected(node, "a UTC time such as 2026-03-01T00:00:00Z");
            }
        }
    }
}
