package dev.regionless.region.internal;

import dev.regionless.common.AwsException;
import dev.regionless.common.ErrorRendering;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.events.protocol.EventInvokeConfigApi;
import dev.regionless.events.protocol.EventSourceMappingsApi;
import dev.regionless.events.topics.protocol.TopicsApi;
import dev.regionless.functions.protocol.LambdaApi;
import dev.regionless.gateway.protocol.ConnectionsApi;
import dev.regionless.queues.protocol.QueuesApi;
import dev.regionless.replication.Replication;
import dev.regionless.tables.protocol.DynamoDbApi;
import java.util.function.Function;

/**
 * The region's service port: dispatches each request to the AWS API it is addressed to, as the real endpoints do
 * — by path for REST-style APIs (Lambda, API Gateway's {@code @connections}), by {@code X-Amz-Target} for JSON-target
 * APIs (DynamoDB, SQS), by the {@code Action} parameter for query-protocol APIs (SQS's older protocol, SNS). Other regions' replication links arrive here too, under their own path. The order of the
 * checks below is the pipeline.
 */
public final class ServicePort implements Function<ServiceRequest, ServiceResponse> {
    private final LambdaApi lambda;
    private final EventSourceMappingsApi eventSourceMappings;
    private final EventInvokeConfigApi eventInvokeConfigs;
    private final DynamoDbApi dynamoDb;
    private final ConnectionsApi connections;
    private final QueuesApi queues;
    private final TopicsApi topics;
    private final Function<ServiceRequest, ServiceResponse> replication;

    /** A port for a region that does not replicate tables (tests of the other APIs). */
    public ServicePort(
            LambdaApi lambda,
            EventSourceMappingsApi eventSourceMappings,
            EventInvokeConfigApi eventInvokeConfigs,
            DynamoDbApi dynamoDb,
            ConnectionsApi connections,
            QueuesApi queues,
            TopicsApi topics) {
        this(
                lambda,
                eventSourceMappings,
                eventInvokeConfigs,
                dynamoDb,
                connections,
                queues,
                topics,
                request -> ErrorRendering.restJson(
                        new AwsException("NotFound", 404, "this region does not replicate tables")));
    }

    /** @param replication serves the other regions' replication links, under {@link Replication#PATH_PREFIX} */
    public ServicePort(
            LambdaApi lambda,
            EventSourceMappingsApi eventSourceMappings,
            EventInvokeConfigApi eventInvokeConfigs,
            DynamoDbApi dynamoDb,
            ConnectionsApi connections,
            QueuesApi queues,
            TopicsApi topics,
            Replication replication) {
        this(
                lambda,
                eventSourceMappings,
                eventInvokeConfigs,
                dynamoDb,
                connections,
                queues,
                topics,
                replication::handle);
    }

    private ServicePort(
            LambdaApi lambda,
            EventSourceMappingsApi eventSourceMappings,
            EventInvokeConfigApi eventInvokeConfigs,
            DynamoDbApi dynamoDb,
            ConnectionsApi connections,
            QueuesApi queues,
            TopicsApi topics,
            Function<ServiceRequest, ServiceResponse> replication) {
        this.lambda = lambda;
        this.eventSourceMappings = eventSourceMappings;
        this.eventInvokeConfigs = eventInvokeConfigs;
        this.dynamoDb = dynamoDb;
        this.connections = connections;
        this.queues = queues;
        this.topics = topics;
        this.replication = replication;
    }

    @Override
    public ServiceResponse apply(ServiceRequest request) {
        if (Replication.accepts(request)) {
            return replication.apply(request);
        }
        if (LambdaApi.accepts(request)) {
            return lambda.handle(request);
        }
        if (EventSourceMappingsApi.accepts(request)) {
            return eventSourceMappings.handle(request);
        }
        if (EventInvokeConfigApi.accepts(request)) {
            return eventInvokeConfigs.handle(request);
        }
        if (DynamoDbApi.accepts(request)) {
            return dynamoDb.handle(request);
        }
        if (ConnectionsApi.accepts(request)) {
            return connections.handle(request);
        }
        if (QueuesApi.accepts(request)) {
            return queues.handle(request);
        }
        if (TopicsApi.accepts(request)) {
            return topics.handle(request);
        }
        var target = request.header("X-Amz-Target");
        if (target != null) {
            var service = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
            return ErrorRendering.json10(
                    new AwsException(
                            "UnknownOperationException",
                            400,
                            "The service " + service + " is not served by this Regionless region yet"),
                    "com.amazon.coral.service#");
        }
        return ErrorRendering.restJson(new AwsException(
                "UnknownOperationException",
                404,
                "No AWS API at " + request.method() + " " + request.path() + " on this service port"));
    }
}
