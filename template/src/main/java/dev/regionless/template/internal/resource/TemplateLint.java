package dev.regionless.template.internal.resource;

import dev.regionless.template.ApiSpec;
import dev.regionless.template.ApiType;
import dev.regionless.template.FunctionSpec;
import dev.regionless.template.WebSocketApiSpec;
import dev.regionless.template.internal.node.Location;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Deploy-time advice about settings that are valid alone but do not fit together, added to the template's warnings:
 * a function behind an API that may run longer than the gateway waits for it; a function invoked asynchronously with
 * nowhere for its failed events to go; a stream event that discards failed records without keeping a trace; a queue
 * whose visibility timeout is under six times the timeout of the function it feeds (AWS's guidance), so that a
 * message can reappear, and be processed again, while its batch is still running or being retried.
 */
final class TemplateLint {
    /** API Gateway's integration timeouts: the most a client waits for the function. */
    static final int REST_TIMEOUT_SECONDS = 29;

    static final int HTTP_TIMEOUT_SECONDS = 30;
    static final int WEBSOCKET_TIMEOUT_SECONDS = 29;
    /** AWS's guidance for a queue that feeds a function: a visibility timeout of at least six function timeouts. */
    static final int VISIBILITY_TIMEOUTS_PER_FUNCTION_TIMEOUT = 6;

    private final ReadContext context;

    private TemplateLint(ReadContext context) {
        this.context = context;
    }

    static void check(ReadContext context, List<ApiSpec> apis, List<WebSocketApiSpec> webSocketApis) {
        var lint = new TemplateLint(context);
        lint.apiTimeouts(apis, webSocketApis);
        lint.asyncFailureDestinations();
        lint.streamDiscards();
        lint.queueVisibility();
    }

    private void apiTimeouts(List<ApiSpec> apis, List<WebSocketApiSpec> webSocketApis) {
        // One warning per function: the API with the shortest timeout, and the route that reaches it first.
        var limits = new LinkedHashMap<String, Limit>();
        for (var api : apis) {
            boolean rest = api.type() == ApiType.REST;
            int seconds = rest ? REST_TIMEOUT_SECONDS : HTTP_TIMEOUT_SECONDS;
            var reply = rest ? "504 Endpoint request timed out" : "503 Service Unavailable";
            for (var route : api.routes()) {
                var what = (rest ? "REST API " : "HTTP API ") + api.logicalId() + " (" + route.method() + " "
                        + route.path() + ")";
                limits.merge(route.functionLogicalId(), new Limit(seconds, what, reply), Limit::shorter);
            }
        }
        for (var api : webSocketApis) {
            for (var route : api.routes()) {
                var what = "WebSocket API " + api.logicalId() + " (route " + route.routeKey() + ")";
                limits.merge(
                        route.functionLogicalId(),
                        new Limit(WEBSOCKET_TIMEOUT_SECONDS, what, "Endpoint request timed out"),
                        Limit::shorter);
            }
        }
        limits.forEach((logicalId, limit) -> function(logicalId).ifPresent(function -> {
            if (function.timeoutSeconds() > limit.seconds()) {
                context.warn(
                        timeoutLocation(logicalId),
                        "Timeout " + function.timeoutSeconds() + " s is longer than the " + limit.seconds()
                                + " s integration timeout of " + limit.what() + ": callers get " + limit.reply()
                                + " while the function runs on (expected: a Timeout of at most " + limit.seconds()
                                + " s, or asynchronous work behind the API)");
            }
        }));
    }

    private record Limit(int seconds, String what, String reply) {
        Limit shorter(Limit other) {
            return other.seconds < seconds ? other : this;
        }
    }

    private void asyncFailureDestinations() {
        var asyncSources = new LinkedHashMap<String, LinkedHashSet<String>>();
        for (var schedule : context.schedules()) {
            asyncSources
                    .computeIfAbsent(schedule.functionLogicalId(), id -> new LinkedHashSet<>())
                    .add(schedule.eventName());
        }
        // SNS events are the subscriptions read from a function's Events, named Function.Events.Name.
        for (var subscription : context.subscriptions()) {
            int events = subscription.source().indexOf(".Events.");
            if (subscription.protocol().equals("lambda") && events > 0) {
                asyncSources
                        .computeIfAbsent(subscription.source().substring(0, events), id -> new LinkedHashSet<>())
                        .add(subscription.source().substring(events + ".Events.".length()));
            }
        }
        asyncSources.forEach((logicalId, events) -> {
            var entry = context.directory().entry(logicalId).orElseThrow();
            var name = function(logicalId).map(FunctionSpec::functionName).orElse(logicalId);
            boolean destination = context.eventInvokeConfigs().stream()
                    .anyMatch(spec -> spec.functionName().equals(name) && spec.hasFailureTarget());
            if (!destination) {
                context.warn(
                        entry.location(),
                        "is invoked asynchronously (events " + String.join(", ", events) + ") and has no failure"
                                + " destination: an event that still fails after Lambda's retries is dropped"
                                + " (expected: EventInvokeConfig.DestinationConfig.OnFailure, DeadLetterQueue or an"
                                + " AWS::Lambda::EventInvokeConfig with an OnFailure destination)");
            }
        });
    }

    private void streamDiscards() {
        for (var event : context.streamEvents()) {
            var errors = event.errors();
            if (errors.discardsRecords() && errors.onFailureDestination() == null) {
                var location = context.directory()
                        .entry(event.functionLogicalId())
                        .orElseThrow()
                        .location()
                        .child("Properties")
                        .child("Events")
                        .child(event.eventName());
                context.warn(
                        location,
                        "discards records after MaximumRetryAttempts or MaximumRecordAgeInSeconds with no on-failure"
                                + " destination: they leave only a log line (expected: DestinationConfig.OnFailure)");
            }
        }
    }

    /** Only queues the template declares: another queue's visibility timeout is not known here. */
    private void queueVisibility() {
        for (var event : context.queueEvents()) {
            var queue = context.queues().stream()
                    .filter(spec -> spec.queueName().equals(event.queueName()))
                    .findFirst();
            var function = function(event.functionLogicalId());
            if (queue.isEmpty() || function.isEmpty()) {
                continue;
            }
            var visibility = queue.get().attributes().get("VisibilityTimeout");
            int seconds = visibility == null ? 30 : Integer.parseInt(visibility);
            int timeout = function.get().timeoutSeconds();
            int wanted = VISIBILITY_TIMEOUTS_PER_FUNCTION_TIMEOUT * timeout;
            if (seconds < wanted) {
                context.warn(
                        eventLocation(event.functionLogicalId(), event.eventName()),
                        "queue " + queue.get().logicalId() + " has a VisibilityTimeout of " + seconds + " s, less than"
                                + " six times the " + timeout + " s Timeout of " + event.functionLogicalId()
                                + ": a message can reappear and be processed again while its batch is still running"
                                + " or being retried (expected: a VisibilityTimeout of at least " + wanted + " s)");
            }
        }
    }

    /** Where the event is written (its line), or its path under the function when it came from elsewhere. */
    private Location eventLocation(String functionLogicalId, String eventName) {
        var entry = context.directory().entry(functionLogicalId).orElseThrow();
        return entry.properties()
                .get("Events")
                .filter(node -> node instanceof dev.regionless.template.internal.node.Mapping)
                .flatMap(node -> ((dev.regionless.template.internal.node.Mapping) node).get(eventName))
                .map(dev.regionless.template.internal.node.Node::location)
                .orElse(entry.location().child("Properties").child("Events").child(eventName));
    }

    private java.util.Optional<FunctionSpec> function(String logicalId) {
        return context.functions().stream()
                .filter(function -> function.logicalId().equals(logicalId))
                .findFirst();
    }

    /** Where the function's Timeout is written: its own property, or Globals. */
    private Location timeoutLocation(String logicalId) {
        var entry = context.directory().entry(logicalId).orElseThrow();
        return entry.properties()
                .get("Timeout")
                .map(dev.regionless.template.internal.node.Node::location)
                .orElse(entry.location());
    }
}
