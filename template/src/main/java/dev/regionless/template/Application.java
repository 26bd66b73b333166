package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An application as one region runs it: the template's tables, functions and APIs after parameters, conditions,
 * globals and intrinsic functions have been applied for that region. Resources whose {@code Condition} is false in the
 * region are absent; implicit APIs ({@code ServerlessRestApi}, {@code ServerlessHttpApi}) are present only when an
 * event uses them.
 *
 * @param stackName the stack name the template was read with
 * @param functions the functions, in template order
 * @param apis the APIs: those declared in the template in template order, then the implicit ones
 * @param tables the DynamoDB tables, in template order; global tables only in the regions of their replicas
 * @param webSocketApis the WebSocket APIs ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}), in
 *     template order
 * @param streamEvents the functions' {@code DynamoDB} events, in template order
 * @param routingRecords the DNS records with routing policies ({@code AWS::Route53::RecordSet} and the records of
 *     {@code AWS::Route53::RecordSetGroup}), in template order, for the router
 * @param healthChecks the {@code AWS::Route53::HealthCheck}s, in template order, for the router
 * @param queues the SQS queues ({@code AWS::SQS::Queue}), in template order
 * @param schedules the functions' {@code Schedule} and {@code ScheduleV2} events, in template order
 * @param topics the SNS topics ({@code AWS::SNS::Topic}), in template order
 * @param subscriptions the subscriptions to topics: topics' {@code Subscription} lists, {@code AWS::SNS::Subscription}s
 *     and functions' {@code SNS} events, in template order
 * @param eventInvokeConfigs the functions' asynchronous invocation settings (SAM's {@code EventInvokeConfig} and
 *     {@code DeadLetterQueue}, {@code AWS::Lambda::EventInvokeConfig}), in template order
 * @param queueEvents the functions' {@code SQS} events, in template order
 * @param warnings one line per template feature that was read but is not honoured, each starting with
 *     {@code file:line: property path:}
 */
public record Application(
        String stackName,
        List<FunctionSpec> functions,
        List<ApiSpec> apis,
        List<TableSpec> tables,
        List<WebSocketApiSpec> webSocketApis,
        List<StreamEventSpec> streamEvents,
        List<RoutingRecord> routingRecords,
        List<HealthCheckSpec> healthChecks,
        List<QueueSpec> queues,
        List<ScheduleEventSpec> schedules,
        List<TopicSpec> topics,
        List<SubscriptionSpec> subscriptions,
        List<EventInvokeSpec> eventInvokeConfigs,
        List<QueueEventSpec> queueEvents,
        List<String> warnings) {

    public Application {
        requireNonNull(stackName, "stackName");
        functions = List.copyOf(functions);
        apis = List.copyOf(apis);
        tables = List.copyOf(tables);
        webSocketApis = List.copyOf(webSocketApis);
        streamEvents = List.copyOf(streamEvents);
        routingRecords = List.copyOf(routingRecords);
        healthChecks = List.copyOf(healthChecks);
        queues = List.copyOf(queues);
        schedules = List.copyOf(schedules);
        topics = List.copyOf(topics);
        subscriptions = List.copyOf(subscriptions);
        eventInvokeConfigs = List.copyOf(eventInvokeConfigs);
        queueEvents = List.copyOf(queueEvents);
        warnings = List.copyOf(warnings);
    }

    /** The function with the given logical id, if the region has it. */
    public Optional<FunctionSpec> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** The API with the given logical id, if the region has it. */
    public Optional<ApiSpec> api(String logicalId) {
        return apis.stream().filter(a -> a.logicalId().equals(logicalId)).findFirst();
    }

    /** The table with the given logical id, if the region has it. */
    public Optional<TableSpec> table(String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst();
    }

    /** The queue with the given logical id, if the region has it. */
    public Optional<QueueSpec> queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    /** The topic with the given logical id, if the region has it. */
    public Optional<TopicSpec> topic(String logicalId) {
        return topics.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst();
    }

    /** The WebSocket API with the given logical id, if the region has it. */
    public Optional<WebSocketApiSpec> webSocketApi(String logicalId) {
        return webSocketApis.stream()
                .filter(a -> a.logicalId().equals(logicalId))
                .findFirst();
    }

    /** The health check whose {@code Ref} is {@code id}, if the region has it. */
    public Optional<HealthCheckSpec> healthCheck(String id) {
        return healthChecks.stream().filter(h -> h.id().equals(id)).findFirst();
    }
}
