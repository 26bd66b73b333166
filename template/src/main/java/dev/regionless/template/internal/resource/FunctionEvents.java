package dev.regionless.template.internal.resource;

import dev.regionless.template.FunctionSpec;
import dev.regionless.template.ScheduleEventSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Values;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's {@code Events}, dispatched by {@code Type}. Event types SAM knows but Regionless does not run yet are
 * warned about and skipped; to support one, write its {@link EventSource} and add a line to {@link #SOURCES}.
 */
final class FunctionEvents {

    private static final Map<String, EventSource> SOURCES = Map.of(
            "Api", new ApiEvent(),
            "HttpApi", new HttpApiEvent(),
            "DynamoDB", new DynamoDbEvent(),
            "SQS", new SqsEvent(),
            "Schedule", new ScheduleEvent(ScheduleEventSpec.Kind.SCHEDULE),
            "ScheduleV2", new ScheduleEvent(ScheduleEventSpec.Kind.SCHEDULE_V2),
            "SNS", new SnsEvent());
    private static final Set<String> NOT_YET = Set.of(
            "AlexaSkill",
            "CloudWatchEvent",
            "CloudWatchLogs",
            "Cognito",
            "DocumentDB",
            "EventBridgeRule",
            "IoTRule",
            "Kinesis",
            "MQ",
            "MSK",
            "S3",
            "SelfManagedKafka");
    private static final Map<String, String> API_ID_PROPERTY = Map.of("Api", "RestApiId", "HttpApi", "ApiId");

    private FunctionEvents() {}

    static void read(ResourceEntry function, FunctionSpec spec, ReadContext context) {
        events(function)
                .ifPresent(events ->
                        events.entries().forEach((name, event) -> read(name, Values.mapping(event), spec, context)));
    }

    private static void read(String name, Mapping event, FunctionSpec spec, ReadContext context) {
        event.entries().forEach((key, value) -> {
            if (!key.equals("Type") && !key.equals("Properties")) {
                throw value.location().error("is not a property of an event (expected: Type, Properties)");
            }
        });
        var typeNode = event.get("Type")
                .orElseThrow(
                        () -> event.location().child("Type").error("is missing (expected: an event type such as Api)"));
        var type = context.resolver().string(typeNode);
        var source = SOURCES.get(type);
        if (source != null) {
            source.read(new EventSource.Event(name, properties(event), event.location()), spec, context);
        } else if (NOT_YET.contains(type)) {
            context.warn(typeNode.location(), type + " events are not supported yet; this event is ignored");
        } else {
            var known = new TreeSet<>(SOURCES.keySet());
            known.addAll(NOT_YET);
            throw typeNode.location()
                    .error(type + " is not an event type (expected: one of " + String.join(", ", known) + ")");
        }
    }

    /** Whether {@code function} has an event of {@code eventType} on SAM's implicit API of that type. */
    static boolean usesImplicitApi(ResourceEntry function, String eventType) {
        var apiIdProperty = API_ID_PROPERTY.get(eventType);
        return events(function).stream()
                .flatMap(events -> events.entries().values().stream())
                .filter(event -> event instanceof Mapping mapping
                        && mapping.get("Type")
                                .filter(type -> isText(type, eventType))
                                .isPresent()
                        && !(mapping.get("Properties").orElse(null) instanceof Mapping properties
                                && properties.has(apiIdProperty)))
                .findAny()
                .isPresent();
    }

    private static Mapping properties(Mapping event) {
        return event.get("Properties")
                .filter(value -> !(value instanceof Scalar scalar && scalar.isNull()))
                .map(Values::mapping)
                .orElse(Mapping.empty(event.location().child("Properties")));
    }

    private static Optional<Mapping> events(ResourceEntry function) {
        return function.properties()
                .get("Events")
                .filter(node -> !(node instanceof Scalar scalar && scalar.isNull()))
                .map(Values::mapping);
    }

    private static boolean isText(Node node, String text) {
        return node instanceof Scalar scalar && scalar.text().equals(text);
    }
}
