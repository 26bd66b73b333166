package dev.regionless.template.internal.resource;

import dev.regionless.template.ThrottleSpec;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Values;
import java.util.Optional;

/** Reads {@code ThrottlingRateLimit} and {@code ThrottlingBurstLimit} from API Gateway stage or route settings. */
final class Throttles {

    private Throttles() {}

    /**
     * The throttle {@code settings} configure, or empty if they set neither limit. A limit left out is taken from
     * {@code fallback}, as API Gateway falls back to the stage's or the account's limit.
     */
    static Optional<ThrottleSpec> read(Mapping settings, ThrottleSpec fallback) {
        var rate = settings.get("ThrottlingRateLimit").map(Values::nonNegativeNumber);
        var burst = settings.get("ThrottlingBurstLimit").map(node -> Values.integer(node, 0, Integer.MAX_VALUE));
        if (rate.isEmpty() && burst.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ThrottleSpec(rate.orElse(fallback.rateLimit()), burst.orElse(fallback.burstLimit())));
    }

    /** {@code throttle}, or the platform default when it is null. */
    static ThrottleSpec orDefault(ThrottleSpec throttle) {
        return throttle == null ? ThrottleSpec.PLATFORM_DEFAULT : throttle;
    }
}
