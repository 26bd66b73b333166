package dev.regionless.region.tables;

import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The targets every conformance test runs against, started once per test JVM on first use and shared by all the
 * suite's classes (JUnit Jupiter's and jqwik's alike); stopped when the test run ends. Each test uses tables of
 * its own, so sharing a target does not couple tests.
 */
public final class ConformanceTargets implements LauncherSessionListener {
    static final Dynalite DYNALITE = new Dynalite();
    static final Regionless REGIONLESS = new Regionless();

    /** The arguments of every {@link ConformanceTest}. */
    static List<DynamoDbTarget> all() {
        return List.of(REGIONLESS, DYNALITE);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        REGIONLESS.close();
        DYNALITE.close();
    }
}
