package dev.regionless.gateway.internal.payload;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.internal.message.GatewayRequest;
import java.time.Instant;
import java.util.Map;

/**
 * Everything a proxy event is made of: the request and what routing and the gateway learned about it.
 *
 * @param request the request as received (plus the forwarding headers the gateway adds)
 * @param apiType REST or HTTP
 * @param apiId the API id
 * @param stage the stage name ({@code $default} for root HTTP APIs)
 * @param accountId the account id
 * @param routeKey the matched route key, for example {@code GET /items/{id}} or {@code $default}
 * @param resourcePath the matched resource path, for example {@code /items/{id}}
 * @param pathInStage the raw request path without the stage prefix
 * @param pathParameters decoded path parameters; empty when none
 * @param requestId the request id ({@code requestContext.requestId})
 * @param extendedRequestId the extended request id (REST) / {@code Apigw-Requestid} (HTTP)
 * @param time when the request arrived
 * @param domainName the host the client called, without port
 * @param authorizer what the route's authorizer passes on ({@code requestContext.authorizer}), or {@code null}
 */
public record ProxyRequest(
        GatewayRequest request,
        ApiType apiType,
        String apiId,
        String stage,
        String accountId,
        String routeKey,
        String resourcePath,
        String pathInStage,
        Map<String, String> pathParameters,
        String requestId,
        String extendedRequestId,
        Instant time,
        String domainName,
        ObjectNode authorizer) {

    public ProxyRequest {
        requireNonNull(request, "request");
        requireNonNull(apiType, "apiType");
        pathParameters = Map.copyOf(pathParameters);
        requireNonNull(time, "time");
    }

    /** A request no authorizer has seen. */
    public ProxyRequest(
            GatewayRequest request,
            ApiType apiType,
            String apiId,
            String stage,
            String accountId,
            String routeKey,
            String resourcePath,
            String pathInStage,
            Map<String, String> pathParameters,
            String requestId,
            String extendedRequestId,
            Instant time,
            String domainName) {
        this(
                request,
                apiType,
                apiId,
                stage,
                accountId,
                routeKey,
                resourcePath,
                pathInStage,
                pathParameters,
                requestId,
                extendedRequestId,
                time,
                domainName,
                null);
    }

    /** This request with what its authorizer passes on. */
    public ProxyRequest withAuthorizer(ObjectNode authorizerContext) {
        return new ProxyRequest(
                request,
                apiType,
                apiId,
                stage,
                accountId,
                routeKey,
                resourcePath,
                pathInStage,
                pathParameters,
                requestId,
                extendedRequestId,
                time,
                domainName,
                authorizerContext);
    }

    /** The first label of the domain name ({@code requestContext.domainPrefix}). */
    public String domainPrefix() {
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
    }

    /**
     * The path as events show it: REST APIs leave the stage out of {@code path}; HTTP APIs on a named stage keep
     * it in {@code rawPath}, as AWS does.
     */
    public String eventPath() {
        return apiType == ApiType.REST ? pathInStage : request.rawPath();
    }
}
