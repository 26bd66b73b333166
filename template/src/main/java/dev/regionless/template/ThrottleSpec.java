package dev.regionless.template;

/**
 * A token-bucket throttle as API Gateway configures it: requests are admitted at {@code rateLimit} per second on
 * average, with up to {@code burstLimit} at once. When a template sets only one of the two limits, the other is taken
 * from the API's default throttle, or from {@link #PLATFORM_DEFAULT}.
 *
 * @param rateLimit steady-state requests per second, 0 or more
 * @param burstLimit bucket size, 0 or more
 */
public record ThrottleSpec(double rateLimit, int burstLimit) {

    /** API Gateway's account-level default: 10,000 requests per second with a burst of 5,000. */
    public static final ThrottleSpec PLATFORM_DEFAULT = new ThrottleSpec(10_000, 5_000);

    public ThrottleSpec {
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("rateLimit: " + rateLimit + " (expected: 0 or more)");
        }
        if (burstLimit < 0) {
            throw new IllegalArgumentException("burstLimit: " + burstLimit + " (expected: 0 or more)");
        }
    }
}
