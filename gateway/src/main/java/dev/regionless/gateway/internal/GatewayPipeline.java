package dev.regionless.gateway.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.GatewayConfig;
import dev.regionless.gateway.PayloadFormat;
import dev.regionless.gateway.RouteDefinition;
import dev.regionless.gateway.internal.Deployment.Resolution;
import dev.regionless.gateway.internal.Integration.Outcome;
import dev.regionless.gateway.internal.auth.Decision;
import dev.regionless.gateway.internal.auth.GuardRequest;
import dev.regionless.gateway.internal.cors.CorsPolicy;
import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.GatewayResponse;
import dev.regionless.gateway.internal.payload.EventV1;
import dev.regionless.gateway.internal.payload.EventV2;
import dev.regionless.gateway.internal.payload.MappedResponse;
import dev.regionless.gateway.internal.payload.MediaTypes;
import dev.regionless.gateway.internal.payload.ProxyRequest;
import dev.regionless.gateway.internal.payload.ResponseMapping;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, in order: find the API and route (or answer 404/403), answer CORS preflight, take a
 * token from the route's bucket (or answer 429), ask the route's authorizer (or answer 401/403/500), build the proxy
 * event, invoke within the integration timeout, map the answer, add CORS and the id headers.
 */
public final class GatewayPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPipeline.class);

    private final GatewayConfig config;
    private final Integration integration;
    private final RequestIds ids;
    private final Supplier<Deployment> deployment;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    /** A pipeline over the deployment {@code deployment} returns at the start of each request. */
    public GatewayPipeline(GatewayConfig config, Functions functions, RequestIds ids, Supplier<Deployment> deployment) {
        this.config = config;
        this.integration = new Integration(functions);
        this.ids = ids;
        this.deployment = deployment;
    }

    /** Answers one request, waiting for the function if there is one; for tests and blocking callers. */
    public GatewayResponse handle(GatewayRequest request) {
        return handleAsync(request).join();
    }

    /**
     * Answers one request. Routing and event building run on the calling thread (cheap, never blocking); the answer
     * completes on the function's invocation thread, so no thread of the gateway waits for a function.
     */
    public CompletableFuture<GatewayResponse> handleAsync(GatewayRequest request) {
        var resolution = deployment.get().resolve(request);
        return switch (resolution) {
            case Resolution.NoApi none ->
                CompletableFuture.completedFuture(withIds(GatewayErrors.noApi(), ApiType.HTTP, idsFor(ApiType.HTTP)));
            case Resolution.NoRoute noRoute ->
                CompletableFuture.completedFuture(finish(
                        noRoute.api(),
                        request,
                        GatewayErrors.noRoute(noRoute.api().type())));
            case Resolution.Preflight preflight ->
                CompletableFuture.completedFuture(withIds(
                        preflight.response(),
                        preflight.api().type(),
                        idsFor(preflight.api().type())));
            case Resolution.Found found -> invoke(found, request);
        };
    }

    /** Answers one request; a failure of the gateway itself is logged with the request id and answered 500. */
    public CompletableFuture<GatewayResponse> handleSafely(GatewayRequest request) {
        CompletableFuture<GatewayResponse> answer;
        try {
            answer = handleAsync(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionally(error -> {
            var requestIds = idsFor(ApiType.HTTP);
            LOG.error(
                    "Request {} {} {} failed in the gateway",
                    requestIds.requestId(),
                    request.method(),
                    request.rawPath(),
                    error);
            return withIds(GatewayErrors.integrationError(ApiType.HTTP), ApiType.HTTP, requestIds);
        });
    }

    /** The answer to a body over the 10 MB limit. */
    public GatewayResponse payloadTooLarge() {
        return withIds(GatewayErrors.tooLarge(), ApiType.HTTP, idsFor(ApiType.HTTP));
    }

    /** The answer when a function's response cannot be put on the wire (a header the HTTP codec refuses). */
    public GatewayResponse unwritableResponse() {
        return withIds(GatewayErrors.integrationError(ApiType.HTTP), ApiType.HTTP, idsFor(ApiType.HTTP));
    }

    private CompletableFuture<GatewayResponse> invoke(Resolution.Found found, GatewayRequest request) {
        var api = found.api();
        var requestIds = idsFor(api.type());
        var target = found.match().route().target();
        if (!target.bucket().tryAcquire()) {
            return CompletableFuture.completedFuture(finish(api, request, GatewayErrors.tooManyRequests(), requestIds));
        }
        var proxy = proxyRequest(found, request, requestIds);
        var route = target.definition();
        if (target.guard().isEmpty()) {
            return call(api, request, route, requestIds, proxy);
        }
        var guardRequest = new GuardRequest(
                proxy.request(),
                GuardRequest.methodArn(
                        config.region(),
                        config.accountId(),
                        api.definition().apiId(),
                        api.stage(),
                        request.method(),
                        found.pathInStage().raw()),
                format -> format == PayloadFormat.V1 ? EventV1.of(proxy, false) : EventV2.of(proxy, false),
                route.authorizationScopes(),
                route.payloadFormat() == PayloadFormat.V2);
        return target.guard().get().authorize(guardRequest).thenCompose(decision -> switch (decision) {
            case Decision.Allow allow ->
                call(api, request, route, requestIds, proxy.withAuthorizer(allow.authorizer()));
            case Decision.Refuse refuse ->
                CompletableFuture.completedFuture(
                        finish(api, request, GatewayErrors.refused(api.type(), refuse), requestIds));
        });
    }

    private CompletableFuture<GatewayResponse> call(
            CompiledApi api, GatewayRequest request, RouteDefinition route, Ids requestIds, ProxyRequest proxy) {
        var event = serialize(route.payloadFormat(), proxy, api);
        return integration
                .invoke(route.functionName(), event, config.integrationTimeout(api.type()))
                .thenApply(
                        outcome -> finish(api, request, respond(api, request, route, requestIds, outcome), requestIds));
    }

    private GatewayResponse respond(
            CompiledApi api, GatewayRequest request, RouteDefinition route, Ids requestIds, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Answered answered -> answer(api, request, route.payloadFormat(), answered.result());
            case Outcome.TimedOut timedOut -> GatewayErrors.timeout(api.type());
            case Outcome.UnknownFunction unknown -> unknownFunction(api, route.functionName(), unknown.message());
            case Outcome.Crashed crashed -> crashed(api, requestIds.requestId(), crashed.error());
        };
    }

    private GatewayResponse answer(
            CompiledApi api, GatewayRequest request, PayloadFormat format, InvocationResult result) {
        return switch (result) {
            case InvocationResult.Completed completed -> mapped(api, request, format, completed);
            case InvocationResult.Failed failed -> GatewayErrors.integrationError(api.type());
            case InvocationResult.Throttled throttled -> GatewayErrors.tooManyRequests();
        };
    }

    private GatewayResponse mapped(
            CompiledApi api, GatewayRequest request, PayloadFormat format, InvocationResult.Completed completed) {
        var mapped = format == PayloadFormat.V1
                ? ResponseMapping.v1(
                        completed.payload(),
                        api.type(),
                        request.header("Accept"),
                        api.definition().binaryMediaTypes())
                : ResponseMapping.v2(completed.payload());
        return switch (mapped) {
            case MappedResponse.Ok ok -> ok.response();
            case MappedResponse.Malformed malformed -> {
                LOG.warn(
                        "Execution failed due to configuration error: Malformed Lambda proxy response"
                                + " (function request {}): {}",
                        completed.requestId(),
                        malformed.reason());
                yield GatewayErrors.integrationError(api.type());
            }
        };
    }

    // Logged once per function name, not once per request: a missing function fails every call the same way.
    private GatewayResponse unknownFunction(CompiledApi api, String functionName, String message) {
        if (reportedMissing.add(functionName)) {
            LOG.warn(
                    "API {}: a route integrates function {}, which is not deployed: {}",
                    api.definition().apiId(),
                    functionName,
                    message);
        }
        return GatewayErrors.integrationError(api.type());
    }

    private GatewayResponse crashed(CompiledApi api, String requestId, Throwable error) {
        LOG.error("Request {}: the function runtime failed", requestId, error);
        return GatewayErrors.integrationError(api.type());
    }

    private ProxyRequest proxyRequest(Resolution.Found found, GatewayRequest request, Ids requestIds) {
        var api = found.api();
        var key = found.match().route().key();
        var forwardedFor = request.header("X-Forwarded-For")
                .map(existing -> existing + ", " + request.sourceIp())
                .orElse(request.sourceIp());
        var resource = key.isDefault() ? found.pathInStage().raw() : key.resourcePath();
        return new ProxyRequest(
                request.withHeaderReplaced("X-Forwarded-For", forwardedFor),
                api.type(),
                api.definition().apiId(),
                api.stage(),
                config.accountId(),
                key.toString(),
                resource,
                found.pathInStage().raw(),
                found.match().pathParameters(),
                requestIds.requestId(),
                requestIds.extendedId(),
                config.clock().instant(),
                domainName(request));
    }

    private static byte[] serialize(PayloadFormat format, ProxyRequest proxy, CompiledApi api) {
        var binary = MediaTypes.isBinaryRequest(
                api.type(),
                proxy.request().header("Content-Type"),
                api.definition().binaryMediaTypes());
        ObjectNode event = format == PayloadFormat.V1 ? EventV1.of(proxy, binary) : EventV2.of(proxy, binary);
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a proxy event could not be written as JSON", e);
        }
    }

    private GatewayResponse finish(CompiledApi api, GatewayRequest request, GatewayResponse response) {
        return finish(api, request, response, idsFor(api.type()));
    }

    // HTTP APIs with CORS replace whatever CORS headers the function sent with their own.
    private GatewayResponse finish(CompiledApi api, GatewayRequest request, GatewayResponse response, Ids requestIds) {
        var result = response;
        if (api.type() == ApiType.HTTP && api.cors().isPresent()) {
            result = result.withoutHeaders(CorsPolicy::isCorsHeader)
                    .withHeaders(api.cors().get().httpResponseHeaders(request));
        }
        return withIds(result, api.type(), requestIds);
    }

    private GatewayResponse withIds(GatewayResponse response, ApiType type, Ids requestIds) {
        var result = response.withHeader("X-Regionless-Region", config.region())
                .withHeader("x-amzn-RequestId", requestIds.requestId());
        return type == ApiType.REST
                ? result.withHeader("x-amz-apigw-id", requestIds.extendedId())
                : result.withHeader("Apigw-Requestid", requestIds.extendedId());
    }

    private Ids idsFor(ApiType type) {
        var shortId = ids.shortId();
        return type == ApiType.REST ? new Ids(ids.uuid(), shortId) : new Ids(shortId, shortId);
    }

    private static String domainName(GatewayRequest request) {
        var host = request.header("Host").orElse("localhost");
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The ids of one request: {@code requestId}, and the extended / {@code Apigw-Requestid} one. */
    private record Ids(String requestId, String extendedId) {}
}
