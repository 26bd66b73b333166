package dev.regionless.router;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How an edge checks each region, as a Route 53 HTTP (or HTTP_STR_MATCH) health check does: a GET of {@code path}
 * on the region's app or admin port every {@code interval} (counted from the previous answer); a check passes when
 * a 2xx or 3xx status arrives within {@code timeout} and, with a search string, the string lies in the first
 * 5,120 bytes of the body. A region turns unhealthy after {@code failureThreshold} consecutive failed checks and
 * healthy again after {@code successThreshold} consecutive passes; a new check counts as healthy until then.
 *
 * @param endpoint which of the region's ports is checked
 * @param path the request path, starting with {@code /}
 * @param interval the time between an answer (or timeout) and the next check
 * @param timeout how long a check may take, connection included (Route 53 allows 2 s for the answer)
 * @param failureThreshold consecutive failures that make a healthy region unhealthy (1..10)
 * @param successThreshold consecutive passes that make an unhealthy region healthy (1..10)
 * @param searchString text the body must contain (case-sensitive, at most 255 characters), or {@code null}
 * @param inverted whether the result is reversed (Route 53's {@code Inverted}): a region passes when it fails
 */
public record HealthCheckConfig(
        Endpoint endpoint,
        String path,
        Duration interval,
        Duration timeout,
        int failureThreshold,
        int successThreshold,
        String searchString,
        boolean inverted) {

    /** Route 53's limit on the search string. */
    public static final int MAX_SEARCH_STRING = 255;
    /** Route 53 looks for the search string in this many leading bytes of the body. */
    public static final int SEARCHED_BYTES = 5120;

    /** The port a check goes to. */
    public enum Endpoint {
        /** The region's app port, where the application's own health route answers (as Route 53 checks it). */
        HTTP,
        /** The region's admin port ({@code /admin/region-health}: fails while the region is down or failing). */
        ADMIN
    }

    public HealthCheckConfig {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(path, "path");
        requireNonNull(interval, "interval");
        requireNonNull(timeout, "timeout");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path: " + path + " (expected: a path starting with /)");
        }
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: 10 ms or more)");
        }
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: 1 ms or more)");
        }
        checkThreshold("failureThreshold", failureThreshold);
        checkThreshold("successThreshold", successThreshold);
        if (searchString != null && (searchString.isEmpty() || searchString.length() > MAX_SEARCH_STRING)) {
            throw new IllegalArgumentException(
                    "searchString: " + searchString.length() + " characters (expected: 1.." + MAX_SEARCH_STRING + ")");
        }
    }

    /**
     * Tuned for failover within a second: a check every 250 ms, two failures to turn unhealthy and two passes to
     * come back, so a region answering errors or refusing connections is out within 250-750 ms. A check may take
     * Route 53's 2 s: a busy region answering slowly is not taken for a dead one (a hung region takes 4.5 s to go,
     * and the proxy's outlier detection and retries cover the requests meanwhile). Checks the admin port's
     * {@code /admin/region-health}, which fails while the region is dark or its health switch fails.
     */
    public static HealthCheckConfig defaults() {
        return new HealthCheckConfig(
                Endpoint.ADMIN,
                "/admin/region-health",
                Duration.ofMillis(250),
                Duration.ofSeconds(2),
                2,
                2,
                null,
                false);
    }

    /** Route 53's standard check: every 30 s, threshold 3 both ways, 2 s to answer. */
    public static HealthCheckConfig route53() {
        return defaults()
                .withInterval(Duration.ofSeconds(30))
                .withTimeout(Duration.ofSeconds(2))
                .withThresholds(3, 3);
    }

    /** Route 53's fast check (an extra charge on AWS): every 10 s, threshold 3 both ways, 2 s to answer. */
    public static HealthCheckConfig route53Fast() {
        return route53().withInterval(Duration.ofSeconds(10));
    }

    /** These settings checking {@code checkPath} on the region's app port (the application's own health route). */
    public HealthCheckConfig onHttp(String checkPath) {
        return new HealthCheckConfig(
                Endpoint.HTTP,
                checkPath,
                interval,
                timeout,
                failureThreshold,
                successThreshold,
                searchString,
                inverted);
    }

    /** These settings checking {@code checkPath} on the region's admin port. */
    public HealthCheckConfig onAdmin(String checkPath) {
        return new HealthCheckConfig(
                Endpoint.ADMIN,
                checkPath,
                interval,
                timeout,
                failureThreshold,
                successThreshold,
                searchString,
                inverted);
    }

    public HealthCheckConfig withInterval(Duration newInterval) {
        return new HealthCheckConfig(
                endpoint, path, newInterval, timeout, failureThreshold, successThreshold, searchString, inverted);
    }

    public HealthCheckConfig withTimeout(Duration newTimeout) {
        return new HealthCheckConfig(
                endpoint, path, interval, newTimeout, failureThreshold, successThreshold, searchString, inverted);
    }

    public HealthCheckConfig withThresholds(int failures, int successes) {
        return new HealthCheckConfig(endpoint, path, interval, timeout, failures, successes, searchString, inverted);
    }

    /** These settings with a string match (Route 53's HTTP_STR_MATCH); {@code null} for none. */
    public HealthCheckConfig withSearchString(String text) {
        return new HealthCheckConfig(
                endpoint, path, interval, timeout, failureThreshold, successThreshold, text, inverted);
    }

    /** These settings with the result reversed, or not (Route 53's {@code Inverted}). */
    public HealthCheckConfig withInverted(boolean on) {
        return new HealthCheckConfig(
                endpoint, path, interval, timeout, failureThreshold, successThreshold, searchString, on);
    }

    /** These settings (port, path, search string, inversion) with the interval, timeout and thresholds of {@code timings}. */
    public HealthCheckConfig withTimingsOf(HealthCheckConfig timings) {
        return withInterval(timings.interval())
                .withTimeout(timings.timeout())
                .withThresholds(timings.failureThreshold(), timings.successThreshold());
    }

    private static void checkThreshold(String what, int value) {
        if (value < 1 || value > 10) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 1..10)");
        }
    }
}
