package dev.regionless.router.engine;

import dev.regionless.router.OutlierConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * Passive outlier detection for one region: failed connections or 5xx answers in a row eject it until a deadline
 * that doubles with each ejection (up to a cap). Once the deadline passes the region gets traffic again; a good
 * answer, or enough passing health checks, ends the backoff. Not thread-safe; {@link RegionState} guards it.
 */
final class Ejection {
    private final OutlierConfig config;
    private int connectFailuresInRow;
    private int serverErrorsInRow;
    private int ejections;
    private int healthPassesSinceEjection;
    private Instant ejectedUntil;

    Ejection(OutlierConfig config) {
        this.config = config;
    }

    /** Answers true when this failure ejects the region. */
    boolean onConnectFailure(Instant now) {
        connectFailuresInRow++;
        return config.enabled() && connectFailuresInRow >= config.consecutiveConnectFailures() && eject(now);
    }

    /** A 5xx answer; answers true when it ejects the region. */
    boolean onServerError(Instant now) {
        connectFailuresInRow = 0;
        serverErrorsInRow++;
        return config.enabled() && serverErrorsInRow >= config.consecutiveServerErrors() && eject(now);
    }

    /** An answer below 500: the region works. */
    void onSuccess(Instant now) {
        connectFailuresInRow = 0;
        serverErrorsInRow = 0;
        if (!ejected(now)) {
            ejections = 0;
        }
    }

    /** Passing health checks end an ejection early: the region answers again. */
    void onHealthCheck(boolean passed, int successThreshold) {
        if (ejectedUntil == null) {
            return;
        }
        healthPassesSinceEjection = passed ? healthPassesSinceEjection + 1 : 0;
        if (healthPassesSinceEjection >= successThreshold) {
            ejectedUntil = null;
            ejections = 0;
            connectFailuresInRow = 0;
            serverErrorsInRow = 0;
        }
    }

    boolean ejected(Instant now) {
        return ejectedUntil != null && now.isBefore(ejectedUntil);
    }

    /** The end of the current ejection, or null when the region is not ejected. */
    Instant ejectedUntil(Instant now) {
        return ejected(now) ? ejectedUntil : null;
    }

    int failuresInRow() {
        return Math.max(connectFailuresInRow, serverErrorsInRow);
    }

    int ejections() {
        return ejections;
    }

    private boolean eject(Instant now) {
        if (ejected(now)) {
            return false;
        }
        ejections++;
        long factor = 1L << Math.min(ejections - 1, 20);
        var length = config.baseEjection().multipliedBy(factor);
        ejectedUntil = now.plus(min(length, config.maxEjection()));
        healthPassesSinceEjection = 0;
        connectFailuresInRow = 0;
        serverErrorsInRow = 0;
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
