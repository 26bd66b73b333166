package dev.regionless.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * A Lambda authorizer: before a guarded route's function runs, API Gateway invokes {@code functionName} with the
 * caller's identity and lets the request through only if it answers with an allowing policy (or, for HTTP APIs with
 * simple responses, {@code {"isAuthorized": true}}).
 *
 * @param name the authorizer's name in its API
 * @param functionName the function that decides
 * @param type {@link Type#TOKEN} (REST only: one header, optionally matched by {@code validationExpression}) or
 *     {@link Type#REQUEST} (headers and query parameters)
 * @param identitySources where the identity is read, in AWS's notation for the API type:
 *     {@code method.request.header.NAME} / {@code method.request.querystring.NAME} (REST),
 *     {@code $request.header.NAME} / {@code $request.querystring.NAME} (HTTP), {@code route.request.header.NAME} /
 *     {@code route.request.querystring.NAME} (WebSocket). A request missing any of them is answered 401 without
 *     invoking the function; the values are the cache key
 * @param validationExpression TOKEN only: a regular expression the whole token must match, else 401; or {@code null}
 * @param resultTtl how long a result is reused for the same identity ({@code Duration.ZERO}: never); at most 1 hour
 * @param payloadFormat HTTP APIs: the authorizer event's version ({@link PayloadFormat#V1} is REST's shape); REST and
 *     WebSocket authorizers always use V1
 * @param simpleResponses HTTP APIs with payload 2.0: the function answers {@code {"isAuthorized": bool, "context":
 *     {...}}} instead of a policy
 */
public record LambdaAuthorizer(
        String name,
        String functionName,
        Type type,
        List<String> identitySources,
        String validationExpression,
        Duration resultTtl,
        PayloadFormat payloadFormat,
        boolean simpleResponses)
        implements Authorizer {

    /** API Gateway's maximum result TTL: one hour. */
    public static final Duration MAX_TTL = Duration.ofHours(1);

    /** What the authorizer is given. */
    public enum Type {
        /** One bearer token from one header ({@code authorizationToken}). */
        TOKEN,
        /** The request's headers, query string and context. */
        REQUEST
    }

    public LambdaAuthorizer {
        requireNonNull(name, "name");
        requireNonNull(functionName, "functionName");
        requireNonNull(type, "type");
        identitySources = List.copyOf(requireNonNull(identitySources, "identitySources"));
        requireNonNull(resultTtl, "resultTtl");
        payloadFormat = payloadFormat == null ? PayloadFormat.V1 : payloadFormat;
        if (resultTtl.isNegative() || resultTtl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException(
                    "resultTtl of authorizer " + name + ": " + resultTtl.toSeconds() + " seconds (expected: 0..3600)");
        }
        if (type == Type.TOKEN && identitySources.size() != 1) {
            throw new IllegalArgumentException("identitySources of TOKEN authorizer " + name + ": " + identitySources
                    + " (expected: exactly one header)");
        }
        if (simpleResponses && payloadFormat != PayloadFormat.V2) {
            throw new IllegalArgumentException(
                    "simpleResponses of authorizer " + name + ": true (expected: only with payload format 2.0)");
        }
    }

    /** A REST TOKEN authorizer reading {@code header}, with API Gateway's default TTL of 300 seconds. */
    public static LambdaAuthorizer token(String name, String functionName, String header) {
        return new LambdaAuthorizer(
                name,
                functionName,
                Type.TOKEN,
                List.of("method.request.header." + header),
                null,
                Duration.ofSeconds(300),
                PayloadFormat.V1,
                false);
    }

    /** A REQUEST authorizer reading these identity sources, caching results for {@code resultTtl}. */
    public static LambdaAuthorizer request(
            String name, String functionName, List<String> identitySources, Duration resultTtl) {
        return new LambdaAuthorizer(
                name, functionName, Type.REQUEST, identitySources, null, resultTtl, PayloadFormat.V1, false);
    }

    /** This authorizer with another event format and response style (HTTP APIs). */
    public LambdaAuthorizer withPayload(PayloadFormat format, boolean simple) {
        return new LambdaAuthorizer(
                name, functionName, type, identitySources, validationExpression, resultTtl, format, simple);
    }

    /** This TOKEN authorizer with a validation expression. */
    public LambdaAuthorizer withValidationExpression(String expression) {
        return new LambdaAuthorizer(
                name, functionName, type, identitySources, expression, resultTtl, payloadFormat, simpleResponses);
    }
}
