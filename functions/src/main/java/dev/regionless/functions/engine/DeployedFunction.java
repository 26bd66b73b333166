package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.loader.CodeBundle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One version of a function deployed in a region: its configuration, code, log, and the warm pool of idle
 * execution environments. The most recently used environment is reused first, as Lambda tends to, so that
 * surplus environments age out of the pool.
 */
final class DeployedFunction {
    private final FunctionInfo info;
    private final CodeBundle bundle;
    private final Map<String, String> environment;
    private final PlatformVariables platformVariables;
    private final FunctionLog log;
    private final Meter meter;
    private final Deque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inUse = new AtomicInteger();

    DeployedFunction(
            FunctionInfo info,
            CodeBundle bundle,
            Map<String, String> environment,
            PlatformVariables platformVariables,
            FunctionLog log,
            Meter meter) {
        this.info = info;
        this.bundle = bundle;
        this.environment = Map.copyOf(environment);
        this.platformVariables = platformVariables;
        this.log = log;
        this.meter = meter;
    }

    FunctionConfig config() {
        return info.config();
    }

    FunctionInfo info() {
        return info;
    }

    CodeBundle bundle() {
        return bundle;
    }

    /** The variables the function sees now: its own and Lambda's, with the platform's current ones over them. */
    Map<String, String> environment() {
        return platformVariables.over(environment);
    }

    FunctionLog log() {
        return log;
    }

    Meter meter() {
        return meter;
    }

    AtomicInteger inUse() {
        return inUse;
    }

    /** A warm environment, or {@code null} when a cold start is needed; expired ones are dropped on the way. */
    ExecutionEnvironment takeWarm(Duration keepAlive, Instant now) {
        ExecutionEnvironment candidate;
        while ((candidate = idle.pollFirst()) != null) {
            if (!candidate.idleLongerThan(keepAlive, now)) {
                return candidate;
            }
        }
        return null;
    }

    void returnWarm(ExecutionEnvironment environment, Instant now) {
        environment.markIdle(now);
        idle.addFirst(environment);
    }

    /** Drops idle environments past their keep-alive; answers how many were reclaimed. */
    int reclaimIdle(Duration keepAlive, Instant now) {
        var expired = new ArrayList<ExecutionEnvironment>();
        for (var environment : idle) {
            if (environment.idleLongerThan(keepAlive, now)) {
                expired.add(environment);
            }
        }
        expired.forEach(idle::remove);
        return expired.size();
    }

    int idleCount() {
        return idle.size();
    }

    List<ExecutionEnvironment> drainIdle() {
        var drained = new ArrayList<ExecutionEnvironment>();
        ExecutionEnvironment environment;
        while ((environment = idle.pollFirst()) != null) {
            drained.add(environment);
        }
        return drained;
    }
}
