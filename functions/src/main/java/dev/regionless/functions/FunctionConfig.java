package dev.regionless.functions;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One function as deployed in one region.
 *
 * @param name the function name, unique in the region
 * @param handler {@code pkg.Class::method} or {@code pkg.Class}
 * @param runtime {@code java17} or {@code java21}
 * @param codeUri a jar, a Lambda-style zip, or a folder of classes and jars
 * @param memoryMb the configured memory, 128..10240 MB; drives metering
 * @param timeout the invocation timeout, 1 s..900 s
 * @param environment the function's own variables, as the template declares them
 * @param reservedConcurrency reserved concurrent executions, or {@link #UNRESERVED}
 */
public record FunctionConfig(
        String name,
        String handler,
        String runtime,
        Path codeUri,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        int reservedConcurrency) {

    /** Marks a function that draws from the region's unreserved pool. */
    public static final int UNRESERVED = -1;

    public static final int DEFAULT_MEMORY_MB = 128;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    public FunctionConfig {
        requireNonNull(name, "name");
        requireNonNull(handler, "handler");
        requireNonNull(runtime, "runtime");
        requireNonNull(codeUri, "codeUri");
        requireNonNull(timeout, "timeout");
        environment = Map.copyOf(environment);
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("MemorySize: " + memoryMb + " (expected: 128..10240)");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Timeout: " + timeout.toSeconds() + " (expected: 1..900)");
        }
        if (reservedConcurrency < UNRESERVED) {
            throw new IllegalArgumentException(
                    "ReservedConcurrentExecutions: " + reservedConcurrency + " (expected: 0 or more)");
        }
    }

    /** A function with Lambda's defaults: 128 MB, 3 s, no variables, unreserved. */
    public static FunctionConfig of(String name, String handler, Path codeUri) {
        return new FunctionConfig(
                name, handler, "java21", codeUri, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Map.of(), UNRESERVED);
    }

    public boolean hasReservedConcurrency() {
        return reservedConcurrency != UNRESERVED;
    }

    public FunctionConfig withTimeout(Duration newTimeout) {
        return new FunctionConfig(
                name, handler, runtime, codeUri, memoryMb, newTimeout, environment, reservedConcurrency);
    }

    public FunctionConfig withReservedConcurrency(int reserved) {
        return new FunctionConfig(name, handler, runtime, codeUri, memoryMb, timeout, environment, reserved);
    }

    public FunctionConfig withEnvironment(Map<String, String> variables) {
        return new FunctionConfig(name, handler, runtime, codeUri, memoryMb, timeout, variables, reservedConcurrency);
    }

    public FunctionConfig withMemory(int megabytes) {
        return new FunctionConfig(
                name, handler, runtime, codeUri, megabytes, timeout, environment, reservedConcurrency);
    }
}
