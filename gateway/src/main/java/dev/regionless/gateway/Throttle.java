package dev.regionless.gateway;

/**
 * A token-bucket throttle: {@code rateLimit} requests per second in steady state, with up to {@code burstLimit}
 * requests at once. Requests over the limit are answered {@code 429 Too Many Requests} without invoking anything.
 * A burst limit of zero refuses every request, as on AWS.
 *
 * @param rateLimit tokens added per second (AWS {@code ThrottlingRateLimit})
 * @param burstLimit the bucket's capacity (AWS {@code ThrottlingBurstLimit})
 */
public record Throttle(double rateLimit, int burstLimit) {

    public Throttle {
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("rateLimit: " + rateLimit + " (expected: a finite number >= 0)");
        }
        if (burstLimit < 0) {
            throw new IllegalArgumentException("burstLimit: " + burstLimit + " (expected: >= 0)");
        }
    }

    /** AWS's account-level default: 10,000 requests per second with a burst of 5,000. */
    public static Throttle defaults() {
        return new Throttle(10_000, 5_000);
    }
}
