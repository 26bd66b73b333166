package dev.regionless.router.engine;

import java.time.Instant;

/**
 * One region's health check results as one edge counts them: healthy until {@code failureThreshold} checks in a
 * row fail, then unhealthy until {@code successThreshold} in a row pass. A new check counts as healthy, as on
 * Route 53. Not thread-safe; {@link RegionState} guards it.
 */
final class HealthRecord {
    /** What a check result changed. */
    enum Transition {
        NONE,
        BECAME_HEALTHY,
        BECAME_UNHEALTHY
    }

    private final int failureThreshold;
    private final int successThreshold;
    private boolean healthy = true;
    private int passesInRow;
    private int failuresInRow;
    private long checks;
    private Instant lastCheckAt;
    private String lastResult = "not checked yet";

    HealthRecord(int failureThreshold, int successThreshold) {
        this.failureThreshold = failureThreshold;
        this.successThreshold = successThreshold;
    }

    Transition record(boolean passed, String result, Instant at) {
        checks++;
        lastCheckAt = at;
        lastResult = result;
        if (passed) {
            passesInRow++;
            failuresInRow = 0;
            if (!healthy && passesInRow >= successThreshold) {
                healthy = true;
                return Transition.BECAME_HEALTHY;
            }
        } else {
            failuresInRow++;
            passesInRow = 0;
            if (healthy && failuresInRow >= failureThreshold) {
                healthy = false;
                return Transition.BECAME_UNHEALTHY;
            }
        }
        return Transition.NONE;
    }

    boolean healthy() {
        return healthy;
    }

    int passesInRow() {
        return passesInRow;
    }

    int failuresInRow() {
        return failuresInRow;
    }

    long checks() {
        return checks;
    }

    Instant lastCheckAt() {
        return lastCheckAt;
    }

    String lastResult() {
        return lastResult;
    }
}
