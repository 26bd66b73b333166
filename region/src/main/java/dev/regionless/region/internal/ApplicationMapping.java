package dev.regionless.region.internal;

import dev.regionless.common.schedule.ScheduleExpression;
import dev.regionless.events.EventInvokeConfig;
import dev.regionless.events.EventSourceMapping;
import dev.regionless.events.FailureHandling;
import dev.regionless.events.FilterCriteria;
import dev.regionless.events.ScheduleDefinition;
import dev.regionless.events.StartingPosition;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.Authorizer;
import dev.regionless.gateway.Cors;
import dev.regionless.gateway.HttpApiDefinition;
import dev.regionless.gateway.JwtAuthorizer;
import dev.regionless.gateway.LambdaAuthorizer;
import dev.regionless.gateway.PayloadFormat;
import dev.regionless.gateway.RouteDefinition;
import dev.regionless.gateway.Throttle;
import dev.regionless.template.ApiSpec;
import dev.regionless.template.Application;
import dev.regionless.template.AuthorizerSpec;
import dev.regionless.template.CorsSpec;
import dev.regionless.template.FunctionSpec;
import dev.regionless.template.RouteSpec;
import dev.regionless.template.ScheduleEventSpec;
import dev.regionless.template.StreamEventSpec;
import dev.regionless.template.ThrottleSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Translates a template's application model, already resolved for one region, into what each service deploys:
 * table definitions for the table store, function configurations for the runtime, API definitions for the gateway.
 */
public final class ApplicationMapping {
    private ApplicationMapping() {}

    public static List<DeclaredTable> tables(Application application) {
        return application.tables().stream().map(TableMapping::table).toList();
    }

    /** The template's queues: their attributes are SQS's already, so they pass as they are. */
    public static List<dev.regionless.template.QueueSpec> queues(Application application) {
        return application.queues();
    }

    public static List<FunctionConfig> functions(Application application) {
        return application.functions().stream()
                .map(ApplicationMapping::function)
                .toList();
    }

    /** The template's WebSocket APIs, each route naming the function (by its deployed name) that serves it. */
    public static List<dev.regionless.gateway.WebSocketApiDefinition> webSocketApis(Application application) {
        return application.webSocketApis().stream()
                .map(spec -> {
                    var routes = new java.util.LinkedHashMap<String, String>();
                    spec.routes().forEach(route -> routes.put(route.routeKey(), route.functionName()));
                    var authorizer = spec.connectAuthorizer() == null
                            ? null
                            : (dev.regionless.gateway.LambdaAuthorizer) authorizer(spec.connectAuthorizer());
                    return new dev.regionless.gateway.WebSocketApiDefinition(
                            spec.apiId(),
                            spec.name(),
                            spec.stageName(),
                            spec.routeSelectionExpression(),
                            routes,
                            authorizer);
                })
                .toList();
    }

    /**
     * The template's stream and queue events as event source mappings, streams first. The uuid derives from the
     * stack, function and event names, so a redeploy (or a restart) finds the same mapping and its saved position.
     */
    public static List<EventSourceMapping> eventSources(Application application) {
        var mappings = new java.util.ArrayList<>(streamMappings(application));
        application.queueEvents().stream()
                .map(spec -> EventSourceMapping.ofQueue(
                                stableUuid(application.stackName(), spec.functionLogicalId(), spec.eventName()),
                                spec.functionName(),
                                spec.queueArn())
                        .withBatchSize(spec.batchSize())
                        .withMaximumBatchingWindowInSeconds(spec.batchingWindowSeconds())
                        .withMaximumConcurrency(spec.maximumConcurrency())
                        .withFailureHandling(
                                FailureHandling.defaults().withReportBatchItemFailures(spec.reportBatchItemFailures()))
                        .withEnabled(spec.enabled())
                        .withFilterCriteria(new FilterCriteria(spec.filterPatterns())))
                .forEach(mappings::add);
        return List.copyOf(mappings);
    }

    private static List<EventSourceMapping> streamMappings(Application application) {
        return application.streamEvents().stream()
                .map(spec -> new EventSourceMapping(
                        stableUuid(application.stackName(), spec.functionLogicalId(), spec.eventName()),
                        spec.functionName(),
                        spec.tableName(),
                        StartingPosition.valueOf(spec.startingPosition().name()),
                        spec.batchSize(),
                        spec.batchingWindowSeconds(),
                        spec.parallelizationFactor(),
                        failureHandling(spec.errors()),
                        spec.enabled()))
                .toList();
    }

    /**
     * The template's {@code Schedule} and {@code ScheduleV2} events. Rules and schedules are named in the region's
     * ARNs; the id derives from the stack, function and event names, so a redeploy keeps the schedule's timing.
     */
    public static List<ScheduleDefinition> schedules(Application application, String region, String accountId) {
        return application.schedules().stream()
                .map(spec -> {
                    boolean rule = spec.kind() == ScheduleEventSpec.Kind.SCHEDULE;
                    var arn = rule
                            ? "arn:aws:events:" + region + ":" + accountId + ":rule/" + spec.name()
                            : "arn:aws:scheduler:" + region + ":" + accountId + ":schedule/" + spec.groupName() + "/"
                                    + spec.name();
                    return new ScheduleDefinition(
                            stableUuid(application.stackName(), spec.functionLogicalId(), spec.eventName()),
                            rule ? ScheduleDefinition.Kind.RULE : ScheduleDefinition.Kind.SCHEDULER,
                            arn,
                            ScheduleExpression.parse(spec.expression()),
                            spec.functionName(),
                            spec.input(),
                            spec.enabled(),
                            spec.startDate(),
                            spec.endDate());
                })
                .toList();
    }

    /** The functions' asynchronous invocation settings and dead-letter queues, as the template declares them. */
    public static List<EventInvokeConfig> eventInvokeConfigs(Application application, java.time.Instant now) {
        return application.eventInvokeConfigs().stream()
                .map(spec -> new EventInvokeConfig(
                        spec.functionName(),
                        spec.maximumRetryAttempts(),
                        spec.maximumEventAgeInSeconds(),
                        spec.onSuccess(),
                        spec.onFailure(),
                        spec.deadLetterTarget(),
                        now))
                .toList();
    }

    private static FailureHandling failureHandling(StreamEventSpec.ErrorHandling errors) {
        return new FailureHandling(
                errors.bisectBatchOnFunctionError(),
                errors.maximumRetryAttempts(),
                errors.maximumRecordAgeInSeconds(),
                errors.reportBatchItemFailures(),
                errors.onFailureDestination());
    }

    /** A name-based uuid: the same stack, function and event give the same uuid in every region and deploy. */
    static String stableUuid(String stackName, String functionLogicalId, String eventName) {
        return UUID.nameUUIDFromBytes(
                        (stackName + "/" + functionLogicalId + "/" + eventName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static List<HttpApiDefinition> apis(Application application) {
        return application.apis().stream().map(ApplicationMapping::api).toList();
    }

    private static FunctionConfig function(FunctionSpec spec) {
        return new FunctionConfig(
                spec.functionName(),
                spec.handler(),
                spec.runtime(),
                spec.codeUri(),
                spec.memorySize(),
                Duration.ofSeconds(spec.timeoutSeconds()),
                spec.environment(),
                spec.reservedConcurrency() == null ? FunctionConfig.UNRESERVED : spec.reservedConcurrency());
    }

    private static HttpApiDefinition api(ApiSpec spec) {
        var type = spec.type() == dev.regionless.template.ApiType.REST ? ApiType.REST : ApiType.HTTP;
        var routes = spec.routes().stream().map(route -> route(route, spec)).toList();
        return new HttpApiDefinition(
                spec.apiId(),
                spec.logicalId(),
                type,
                spec.stageName(),
                routes,
                cors(spec.cors()),
                throttle(spec.defaultThrottle()),
                spec.binaryMediaTypes(),
                spec.authorizers().stream().map(ApplicationMapping::authorizer).toList());
    }

    /** An authorizer of the template as the gateway runs it. */
    static Authorizer authorizer(AuthorizerSpec spec) {
        return switch (spec.kind()) {
            case JWT -> new JwtAuthorizer(spec.name(), spec.identitySources().get(0), spec.issuer(), spec.audience());
            case LAMBDA_TOKEN, LAMBDA_REQUEST ->
                new LambdaAuthorizer(
                        spec.name(),
                        spec.functionName(),
                        spec.kind() == AuthorizerSpec.Kind.LAMBDA_TOKEN
                                ? LambdaAuthorizer.Type.TOKEN
                                : LambdaAuthorizer.Type.REQUEST,
                        spec.identitySources(),
                        spec.validationExpression(),
                        Duration.ofSeconds(spec.ttlSeconds()),
                        "2.0".equals(spec.payloadFormatVersion()) ? PayloadFormat.V2 : PayloadFormat.V1,
                        spec.simpleResponses());
        };
    }

    private static RouteDefinition route(RouteSpec route, ApiSpec api) {
        var routeKey = route.path().equals("$default") ? "$default" : route.method() + " " + route.path();
        var format = "1.0".equals(route.payloadFormatVersion()) ? PayloadFormat.V1 : PayloadFormat.V2;
        var throttle = api.routeThrottles() == null
                ? null
                : throttle(api.routeThrottles().get(routeKey));
        return new RouteDefinition(
                routeKey, route.functionName(), format, throttle, route.authorizer(), route.authorizationScopes());
    }

    private static Cors cors(CorsSpec spec) {
        if (spec == null) {
            return null;
        }
        return new Cors(
                spec.allowOrigins(),
                spec.allowMethods(),
                spec.allowHeaders(),
                spec.exposeHeaders(),
                spec.maxAgeSeconds(),
                spec.allowCredentials());
    }

    private static Throttle throttle(ThrottleSpec spec) {
        return spec == null ? null : new Throttle(spec.rateLimit(), spec.burstLimit());
    }
}
