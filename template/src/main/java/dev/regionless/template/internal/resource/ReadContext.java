package dev.regionless.template.internal.resource;

import dev.regionless.template.EventInvokeSpec;
import dev.regionless.template.FunctionSpec;
import dev.regionless.template.QueueEventSpec;
import dev.regionless.template.QueueSpec;
import dev.regionless.template.ScheduleEventSpec;
import dev.regionless.template.StreamEventSpec;
import dev.regionless.template.SubscriptionSpec;
import dev.regionless.template.TableSpec;
import dev.regionless.template.TopicSpec;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What resource readers share while one template is read: the resolver, and the model being built. */
final class ReadContext {

    private final Resolver resolver;
    private final Path templateFolder;
    private final ResourceDirectory directory;
    private final List<String> warnings;
    private final List<FunctionSpec> functions = new ArrayList<>();
    private final Map<String, String> functionNames = new HashMap<>();
    private final ApiRegistry apis = new ApiRegistry();
    private final List<TableSpec> tables = new ArrayList<>();
    private final Map<String, String> tableNames = new HashMap<>();
    private final WebSocketRegistry webSockets = new WebSocketRegistry();
    private final List<StreamEventSpec> streamEvents = new ArrayList<>();
    private final List<QueueEventSpec> queueEvents = new ArrayList<>();
    private final RoutingRegistry routing = new RoutingRegistry();
    private final List<QueueSpec> queues = new ArrayList<>();
    private final List<ScheduleEventSpec> schedules = new ArrayList<>();
    private final List<TopicSpec> topics = new ArrayList<>();
    private final List<SubscriptionSpec> subscriptions = new ArrayList<>();
    private final Map<String, EventInvokeSpec> eventInvokeConfigs = new java.util.LinkedHashMap<>();
    private final Map<String, Location> eventInvokeLocations = new java.util.LinkedHashMap<>();

    ReadContext(Resolver resolver, Path templateFolder, ResourceDirectory directory, List<String> warnings) {
        this.resolver = resolver;
        this.templateFolder = templateFolder;
        this.directory = directory;
        this.warnings = warnings;
    }

    Resolver resolver() {
        return resolver;
    }

    Path templateFolder() {
        return templateFolder;
    }

    ResourceDirectory directory() {
        return directory;
    }

    ApiRegistry apis() {
        return apis;
    }

    WebSocketRegistry webSockets() {
        return webSockets;
    }

    /** The Route 53 records and health checks read so far. */
    RoutingRegistry routing() {
        return routing;
    }

    List<StreamEventSpec> streamEvents() {
        return streamEvents;
    }

    void addStreamEvent(StreamEventSpec event) {
        streamEvents.add(event);
    }

    List<QueueEventSpec> queueEvents() {
        return queueEvents;
    }

    void addQueueEvent(QueueEventSpec event) {
        queueEvents.add(event);
    }

    List<ScheduleEventSpec> schedules() {
        return schedules;
    }

    void addSchedule(ScheduleEventSpec schedule) {
        schedules.add(schedule);
    }

    List<FunctionSpec> functions() {
        return functions;
    }

    List<TableSpec> tables() {
        return tables;
    }

    List<QueueSpec> queues() {
        return queues;
    }

    /** Adds a queue; queue names are unique in a region, as in SQS. */
    void addQueue(QueueSpec queue, Location nameLocation) {
        for (var other : queues) {
            if (other.queueName().equals(queue.queueName())) {
                throw nameLocation.error(queue.queueName() + " is already the name of queue " + other.logicalId()
                        + " (expected: a unique queue name)");
            }
        }
        queues.add(queue);
    }

    List<TopicSpec> topics() {
        return topics;
    }

    /** Adds a topic; topic names are unique in a region, as in SNS. */
    void addTopic(TopicSpec topic, Location nameLocation) {
        for (var other : topics) {
            if (other.topicName().equals(topic.topicName())) {
                throw nameLocation.error(topic.topicName() + " is already the name of topic " + other.logicalId()
                        + " (expected: a unique topic name)");
            }
        }
        topics.add(topic);
    }

    List<SubscriptionSpec> subscriptions() {
        return subscriptions;
    }

    void addSubscription(SubscriptionSpec subscription) {
        subscriptions.add(subscription);
    }

    /** The functions' asynchronous invocation settings, in template order. */
    List<EventInvokeSpec> eventInvokeConfigs() {
        return List.copyOf(eventInvokeConfigs.values());
    }

    /**
     * Adds a function's asynchronous invocation settings; a function has one set, whether SAM's
     * {@code EventInvokeConfig} or an {@code AWS::Lambda::EventInvokeConfig} declares it.
     */
    void addEventInvokeConfig(EventInvokeSpec spec, Location location) {
        var earlier = eventInvokeLocations.putIfAbsent(spec.functionName(), location);
        if (earlier != null) {
            throw location.error("function " + spec.functionName() + " already has asynchronous invocation settings"
                    + " at " + earlier + " (expected: one EventInvokeConfig per function)");
        }
        eventInvokeConfigs.put(spec.functionName(), spec);
    }

    /** Checks that every asynchronous invocation setting names a function of the region. */
    void checkEventInvokeConfigs() {
        eventInvokeLocations.forEach((name, location) -> {
            if (functions.stream().noneMatch(function -> function.functionName().equals(name))) {
                throw location.error(name + " is not a function of this template in this region (expected: the"
                        + " name of an AWS::Serverless::Function, such as !Ref Fn)");
            }
        });
    }

    /** Adds a warning once: a Globals property merged into many resources is one thing to say. */
    void warn(Location location, String problem) {
        var warning = location.warning(problem);
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** Adds a function; function names are unique in a region, as in Lambda. */
    void addFunction(FunctionSpec function, Location nameLocation) {
        var owner = functionNames.putIfAbsent(function.functionName(), function.logicalId());
        if (owner != null) {
            throw nameLocation.error(function.functionName() + " is already the name of function " + owner
                    + " (expected: a unique function name)");
        }
        functions.add(function);
    }

    /** Adds a table; table names are unique in a region, as in DynamoDB. */
    void addTable(TableSpec table, Location nameLocation) {
        var owner = tableNames.putIfAbsent(table.tableName(), table.logicalId());
        if (owner != null) {
            throw nameLocation.error(
                    table.tableName() + " is already the name of table " + owner + " (expected: a unique table name)");
        }
        tables.add(table);
    }
}
