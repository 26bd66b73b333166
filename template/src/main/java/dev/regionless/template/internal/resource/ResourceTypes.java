package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;

/**
 * The one table from {@code Type} to what Regionless does with it. A type not listed here is rejected with
 * "is not supported yet"; to support one, write its {@link ResourceKind} and add a line.
 */
final class ResourceTypes {

    private static final Map<String, ResourceKind> KINDS = Map.ofEntries(
            // Run by Regionless.
            entry("AWS::Serverless::Function", new FunctionKind()),
            entry("AWS::Serverless::Api", new RestApiKind()),
            entry("AWS::Serverless::HttpApi", new HttpApiKind()),
            entry(TableKind.TABLE_TYPE, TableKind.TABLE),
            entry(TableKind.SIMPLE_TABLE_TYPE, TableKind.SIMPLE_TABLE),
            entry(TableKind.GLOBAL_TABLE_TYPE, TableKind.GLOBAL_TABLE),
            entry(QueueKind.TYPE, new QueueKind()),
            entry(TopicKind.TYPE, new TopicKind()),
            entry(SubscriptionKind.TYPE, new SubscriptionKind()),
            entry(WebSocketApiKind.TYPE, new WebSocketApiKind()),
            entry(WebSocketRouteReader.TYPE, WebSocketPartKind.ROUTE),
            entry(WebSocketIntegrationReader.TYPE, WebSocketPartKind.INTEGRATION),
            entry(WebSocketStageKind.TYPE, new WebSocketStageKind()),
            entry(WebSocketPartKind.DEPLOYMENT_TYPE, WebSocketPartKind.DEPLOYMENT),
            entry(WebSocketAuthorizerReader.TYPE, WebSocketPartKind.AUTHORIZER),
            // Read for the router, which answers for the regions as Route 53 would.
            entry(RecordSetKind.RECORD_SET_TYPE, RecordSetKind.RECORD_SET),
            entry(RecordSetKind.RECORD_SET_GROUP_TYPE, RecordSetKind.RECORD_SET_GROUP),
            entry(HealthCheckKind.TYPE, new HealthCheckKind()),
            entry(EventInvokeConfigKind.TYPE, new EventInvokeConfigKind()),
            // Only meaningful on AWS: read, warned about, never created. Ref and GetAtt give AWS-shaped values.
            entry("AWS::IAM::Role", IgnoredKind.IAM_ROLE),
            entry("AWS::IAM::Policy", IgnoredKind.IAM_POLICY),
            entry("AWS::IAM::ManagedPolicy", IgnoredKind.IAM_MANAGED_POLICY),
            entry("AWS::Lambda::Permission", IgnoredKind.LAMBDA_PERMISSION),
            entry("AWS::Logs::LogGroup", IgnoredKind.LOG_GROUP),
            entry("AWS::CloudWatch::Alarm", IgnoredKind.ALARM),
            entry("AWS::Serverless::LayerVersion", IgnoredKind.SERVERLESS_LAYER),
            entry("AWS::Lambda::LayerVersion", IgnoredKind.LAMBDA_LAYER)
            // Planned: the ApiGatewayV2 types below.
            );

    // Types a later issue will support, with what to use until then; shown in the "not supported yet" error.
    private static final Map<String, String> PLANNED = Map.of(
            "AWS::ApiGatewayV2::RouteResponse",
            "route responses are not sent; expected: reply through the @connections API",
            "AWS::ApiGatewayV2::IntegrationResponse",
            "integration responses are not sent; expected: reply through the @connections API");

    private ResourceTypes() {}

    static Optional<ResourceKind> of(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    /** What to say after "is not supported yet" about {@code type}: why, and what to use instead; or nothing. */
    static String planned(String type) {
        var reason = PLANNED.get(type);
        return reason == null ? "" : " (" + reason + ")";
    }
}
