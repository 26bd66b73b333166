package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One authorizer of an API: from a SAM {@code Auth.Authorizers} entry of an {@code AWS::Serverless::Api} or
 * {@code AWS::Serverless::HttpApi}, or an {@code AWS::ApiGatewayV2::Authorizer} of a WebSocket API.
 *
 * @param name the authorizer's name (its key under {@code Authorizers}, or the resource's logical id)
 * @param kind what decides: a Lambda function given a token or the request, or a JWT check
 * @param functionLogicalId Lambda kinds: the logical id of the function {@code FunctionArn} names; else {@code null}
 * @param functionName Lambda kinds: that function's name; else {@code null}
 * @param identitySources where the identity is read, in API Gateway's notation for the API type, such as
 *     {@code method.request.header.Authorization}, {@code $request.querystring.token} or
 *     {@code route.request.header.Auth}
 * @param validationExpression TOKEN only: the regular expression the token must match, or {@code null}
 * @param ttlSeconds Lambda kinds: how long a result is cached per identity, 0..3600 (0: not cached)
 * @param payloadFormatVersion HTTP API Lambda authorizers: {@code 1.0} or {@code 2.0}; {@code 1.0} elsewhere
 * @param simpleResponses HTTP API Lambda authorizers with 2.0: whether the function answers {@code isAuthorized}
 * @param issuer JWT only: the {@code iss} expected; else {@code null}
 * @param audience JWT only: the accepted audiences; else empty
 * @param defaultScopes JWT only: the scopes routes require when their event names none; else empty
 */
public record AuthorizerSpec(
        String name,
        Kind kind,
        String functionLogicalId,
        String functionName,
        List<String> identitySources,
        String validationExpression,
        int ttlSeconds,
        String payloadFormatVersion,
        boolean simpleResponses,
        String issuer,
        List<String> audience,
        List<String> defaultScopes) {

    /** What an authorizer is. */
    public enum Kind {
        /** A Lambda function given one token from a header (REST APIs). */
        LAMBDA_TOKEN,
        /** A Lambda function given the request's headers, query string and context. */
        LAMBDA_REQUEST,
        /** A JSON Web Token checked against its issuer's keys (HTTP APIs). */
        JWT
    }

    public AuthorizerSpec {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        identitySources = List.copyOf(identitySources);
        requireNonNull(payloadFormatVersion, "payloadFormatVersion");
        audience = List.copyOf(audience);
        defaultScopes = List.copyOf(defaultScopes);
    }

    /** A Lambda authorizer. */
    public static AuthorizerSpec lambda(
            String name,
            Kind kind,
            FunctionSpec function,
            List<String> identitySources,
            String validationExpression,
            int ttlSeconds,
            String payloadFormatVersion,
            boolean simpleResponses) {
        return new AuthorizerSpec(
                name,
                kind,
                function.logicalId(),
                function.functionName(),
                identitySources,
                validationExpression,
                ttlSeconds,
                payloadFormatVersion,
                simpleResponses,
                null,
                List.of(),
                List.of());
    }

    /** A JWT authorizer. */
    public static AuthorizerSpec jwt(
            String name, String identitySource, String issuer, List<String> audience, List<String> defaultScopes) {
        return new AuthorizerSpec(
                name,
                Kind.JWT,
                null,
                null,
                List.of(identitySource),
                null,
                0,
                "2.0",
                false,
                issuer,
                audience,
                defaultScopes);
    }
}
