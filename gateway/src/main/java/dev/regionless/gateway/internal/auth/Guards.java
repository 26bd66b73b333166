package dev.regionless.gateway.internal.auth;

import dev.regionless.gateway.Authorizer;
import dev.regionless.gateway.JwtAuthorizer;
import dev.regionless.gateway.LambdaAuthorizer;
import dev.regionless.gateway.internal.Integration;
import java.time.Clock;
import java.time.Duration;

/**
 * Compiles authorizer definitions into {@link Guard}s. One per gateway, so JWT issuers' keys are fetched once and
 * survive redeploys; each deployment gets fresh guards, so a redeploy empties the authorizers' result caches, as a
 * new API Gateway deployment does.
 */
public final class Guards {
    private final Integration integration;
    private final JwksKeys keys;
    private final Clock clock;

    /** Guards invoking Lambda authorizers through {@code integration}; {@code null} when there is no runtime. */
    public Guards(Integration integration, JwksKeys keys, Clock clock) {
        this.integration = integration;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The guard of one authorizer of an API of this flavor.
     *
     * @param timeout how long a Lambda authorizer may take before the request is answered as an authorizer error
     * @throws IllegalArgumentException naming the authorizer when it does not suit this API
     */
    public Guard compile(Authorizer authorizer, Flavor flavor, Duration timeout) {
        return switch (authorizer) {
            case LambdaAuthorizer lambda -> {
                if (integration == null) {
                    throw new IllegalArgumentException(
                            "authorizer " + lambda.name() + ": no function runtime to invoke it");
                }
                yield LambdaGuard.of(lambda, flavor, integration, timeout, clock);
            }
            case JwtAuthorizer jwt -> {
                if (flavor != Flavor.HTTP) {
                    throw new IllegalArgumentException(
                            "authorizer " + jwt.name() + ": JWT (expected: a Lambda authorizer; JWT is for HTTP APIs)");
                }
                yield JwtGuard.of(jwt, keys, clock);
            }
        };
    }
}
