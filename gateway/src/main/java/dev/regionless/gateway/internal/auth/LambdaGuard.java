package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.functions.InvocationResult;
import dev.regionless.gateway.LambdaAuthorizer;
import dev.regionless.gateway.PayloadFormat;
import dev.regionless.gateway.internal.Integration;
import dev.regionless.gateway.internal.Integration.Outcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda authorizer at work: reads the identity (401 without invoking anything when it is missing or fails the
 * validation expression), reuses a cached answer for the same identity within the TTL, else invokes the function,
 * then evaluates the policy (or simple answer) for this request's ARN.
 */
public final class LambdaGuard implements Guard {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaGuard.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaAuthorizer definition;
    private final Flavor flavor;
    private final List<IdentitySource> sources;
    private final Pattern validation;
    private final Integration integration;
    private final Duration timeout;
    private final Clock clock;
    private final ResultCache<AuthorizerOutput> cache;

    private LambdaGuard(
            LambdaAuthorizer definition,
            Flavor flavor,
            List<IdentitySource> sources,
            Pattern validation,
            Integration integration,
            Duration timeout,
            Clock clock) {
        this.definition = definition;
        this.flavor = flavor;
        this.sources = sources;
        this.validation = validation;
        this.integration = integration;
        this.timeout = timeout;
        this.clock = clock;
        this.cache = new ResultCache<>(clock, definition.resultTtl());
    }

    /**
     * Compiles an authorizer for an API of this flavor.
     *
     * @throws IllegalArgumentException naming the authorizer and what is wrong with it
     */
    public static LambdaGuard of(
            LambdaAuthorizer definition, Flavor flavor, Integration integration, Duration timeout, Clock clock) {
        var name = "authorizer " + definition.name();
        if (definition.type() == LambdaAuthorizer.Type.TOKEN && flavor != Flavor.REST) {
            throw new IllegalArgumentException(name + ": TOKEN (expected: REQUEST; only REST APIs have TOKEN)");
        }
        if (flavor != Flavor.HTTP && definition.payloadFormat() != PayloadFormat.V1) {
            throw new IllegalArgumentException(name + ": payload format 2.0 (expected: 1.0 outside HTTP APIs)");
        }
        var sources = new ArrayList<IdentitySource>();
        for (var expression : definition.identitySources()) {
            try {
                sources.add(IdentitySource.parse(expression));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }
        if (sources.isEmpty() && !definition.resultTtl().isZero() && flavor != Flavor.WEBSOCKET) {
            throw new IllegalArgumentException(name + ": no identity source with a result TTL of "
                    + definition.resultTtl().toSeconds() + " s (expected: identity sources, the cache key, or TTL 0)");
        }
        Pattern validation = null;
        if (definition.validationExpression() != null) {
            try {
                validation = Pattern.compile(definition.validationExpression());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        name + ": validation expression " + definition.validationExpression()
                                + " (expected: a regular expression)",
                        e);
            }
        }
        // WebSocket APIs do not cache authorizer results.
        var cached = flavor == Flavor.WEBSOCKET
                ? new LambdaAuthorizer(
                        definition.name(),
                        definition.functionName(),
                        definition.type(),
                        definition.identitySources(),
                        definition.validationExpression(),
                        Duration.ZERO,
                        definition.payloadFormat(),
                        definition.simpleResponses())
                : definition;
        return new LambdaGuard(cached, flavor, List.copyOf(sources), validation, integration, timeout, clock);
    }

    @Override
    public CompletableFuture<Decision> authorize(GuardRequest request) {
        var values = new ArrayList<String>();
        for (var source : sources) {
            var value = source.valueIn(request.request());
            if (value.isEmpty()) {
                return done(Decision.Refuse.of(Refusal.UNAUTHORIZED));
            }
            values.add(value.get());
        }
        if (validation != null && !validation.matcher(values.get(0)).matches()) {
            return done(Decision.Refuse.of(Refusal.UNAUTHORIZED));
        }
        var key = String.join("\n", values);
        var cacheable = cache.enabled() && !values.isEmpty();
        if (cacheable) {
            var cached = cache.get(key);
            if (cached.isPresent()) {
                return done(decide(cached.get(), request, 0));
            }
        }
        byte[] event;
        try {
            event = Json.mapper().writeValueAsBytes(event(request, values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an authorizer event could not be written as JSON", e);
        }
        long started = clock.millis();
        return integration
                .invoke(definition.functionName(), event, timeout)
                .thenApply(outcome -> onOutcome(outcome, request, cacheable ? key : null, clock.millis() - started));
    }

    private Decision onOutcome(Outcome outcome, GuardRequest request, String cacheKey, long latency) {
        return switch (outcome) {
            case Outcome.Answered(InvocationResult.Completed completed) -> {
                if (flavor != Flavor.HTTP && saysUnauthorized(completed.payload())) {
                    yield Decision.Refuse.of(Refusal.UNAUTHORIZED);
                }
                AuthorizerOutput output;
                try {
                    output = AuthorizerOutput.parse(
                            completed.payload(), definition.simpleResponses(), flavor != Flavor.HTTP);
                } catch (IllegalArgumentException e) {
                    yield error("answered a malformed authorizer output: " + e.getMessage());
                }
                if (cacheKey != null) {
                    cache.put(cacheKey, output);
                }
                yield decide(output, request, latency);
            }
            case Outcome.Answered(InvocationResult.Failed failed) ->
                // "Unauthorized" is the agreed word for 401 on REST and WebSocket APIs; HTTP APIs answer 500.
                "Unauthorized".equals(errorMessage(failed.errorPayload())) && flavor != Flavor.HTTP
                        ? Decision.Refuse.of(Refusal.UNAUTHORIZED)
                        : error("failed: " + errorMessage(failed.errorPayload()));
            default -> error("did not answer: " + outcome);
        };
    }

    private Decision decide(AuthorizerOutput output, GuardRequest request, long latency) {
        return switch (output) {
            case AuthorizerOutput.Simple simple ->
                simple.authorized()
                        ? new Decision.Allow(backendView(null, simple.context(), latency))
                        : Decision.Refuse.of(Refusal.IMPLICIT_DENY);
            case AuthorizerOutput.Policy policy -> {
                PolicyEvaluation.Result result;
                try {
                    result = PolicyEvaluation.evaluate(policy.policyDocument(), request.arn());
                } catch (IllegalArgumentException e) {
                    yield error("answered an invalid policy: " + e.getMessage());
                }
                yield switch (result) {
                    case ALLOW -> new Decision.Allow(backendView(policy.principalId(), policy.context(), latency));
                    case EXPLICIT_DENY -> Decision.Refuse.of(Refusal.EXPLICIT_DENY);
                    case IMPLICIT_DENY -> Decision.Refuse.of(Refusal.IMPLICIT_DENY);
                };
            }
        };
    }

    /** {@code requestContext.authorizer}: REST and WebSocket flatten the context beside principalId; HTTP nests it. */
    private ObjectNode backendView(String principalId, ObjectNode context, long latency) {
        var view = NODES.objectNode();
        if (flavor == Flavor.HTTP) {
            view.set("lambda", context.deepCopy());
            return view;
        }
        if (principalId != null) {
            view.put("principalId", principalId);
        }
        view.setAll(context.deepCopy());
        view.put("integrationLatency", latency);
        return view;
    }

    private ObjectNode event(GuardRequest request, List<String> values) {
        var event = NODES.objectNode();
        if (definition.type() == LambdaAuthorizer.Type.TOKEN) {
            event.put("type", "TOKEN");
            event.put("authorizationToken", values.get(0));
            event.put("methodArn", request.arn());
            return event;
        }
        boolean v2 = flavor == Flavor.HTTP && definition.payloadFormat() == PayloadFormat.V2;
        if (flavor == Flavor.HTTP) {
            event.put("version", v2 ? "2.0" : "1.0");
        }
        event.put("type", "REQUEST");
        event.put(v2 ? "routeArn" : "methodArn", request.arn());
        if (v2) {
            var array = event.putArray("identitySource");
            values.forEach(array::add);
        } else if (flavor == Flavor.HTTP) {
            event.put("identitySource", String.join(",", values));
            event.put("authorizationToken", String.join(",", values));
        }
        event.setAll(request.requestEvent().apply(v2 ? PayloadFormat.V2 : PayloadFormat.V1));
        event.remove("body");
        event.remove("isBase64Encoded");
        return event;
    }

    private Decision error(String problem) {
        LOG.warn("Authorizer {} (function {}) {}", definition.name(), definition.functionName(), problem);
        return Decision.Refuse.of(Refusal.ERROR);
    }

    /** An answer that is just the string {@code "Unauthorized"}, as a function returning that word gives. */
    private static boolean saysUnauthorized(byte[] payload) {
        try {
            var node = Json.mapper().readTree(payload);
            return node != null && node.isTextual() && node.asText().equals("Unauthorized");
        } catch (IOException e) {
            return false;
        }
    }

    private static String errorMessage(byte[] errorPayload) {
        try {
            var node = Json.mapper().readTree(errorPayload);
            return Optional.ofNullable(node == null ? null : node.get("errorMessage"))
                    .map(message -> message.asText())
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static CompletableFuture<Decision> done(Decision decision) {
        return CompletableFuture.completedFuture(decision);
    }
}
