package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** An authorizer's verdict on one request. */
public sealed interface Decision {

    /** The request goes on; {@code authorizer} is what its events carry as {@code requestContext.authorizer}. */
    record Allow(ObjectNode authorizer) implements Decision {}

    /**
     * The request is refused.
     *
     * @param refusal why
     * @param wwwAuthenticate JWT authorizers: the {@code www-authenticate} challenge to send, if any
     */
    record Refuse(Refusal refusal, Optional<String> wwwAuthenticate) implements Decision {
        /** A refusal without a challenge. */
        public static Refuse of(Refusal refusal) {
            return new Refuse(refusal, Optional.empty());
        }
    }
}
