package dev.regionless.bench;

import dev.regionless.common.MutableClock;
import dev.regionless.functions.InvocationResult;
import dev.regionless.region.RegionSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold starts of the hello function: before each invocation the region's clock moves past the keep-alive, so the
 * invocation must create a new execution environment (class loader, static init, handler binding). Measures the
 * whole cold invocation as the function runtime serves it, next to a warm invocation measured the same way.
 */
final class ColdStartBench {
    static final int WARMUP = 50;
    static final int SAMPLES = 300;

    private ColdStartBench() {}

    static void run(Path template) throws Exception {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var data = Files.createTempDirectory("regionless-bench");
        try (var regions = RegionSet.start(data, List.of("us-east-1"), c -> c.withClock(clock))) {
            regions.deploy(template, Map.of());
            var functions = regions.region("us-east-1").functions();
            var event = "{\"version\":\"2.0\",\"rawPath\":\"/hello\",\"headers\":{}}".getBytes(StandardCharsets.UTF_8);
            var cold = new Latencies();
            var warm = new Latencies();
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                clock.advance(Duration.ofMinutes(11));
                long start = System.nanoTime();
                check(functions.invoke("hello", event));
                long coldNanos = System.nanoTime() - start;
                start = System.nanoTime();
                check(functions.invoke("hello", event));
                long warmNanos = System.nanoTime() - start;
                if (i >= WARMUP) {
                    cold.add(coldNanos);
                    warm.add(warmNanos);
                }
            }
            System.out.println("== Cold start of the hello function (new execution environment each time)");
            System.out.println("   cold invocation  " + cold.summary() + "   (target p50 <= 50 ms)");
            System.out.println("   warm invocation  " + warm.summary());
            System.out.printf(
                    Locale.ROOT,
                    "   cold / warm p50 ratio: %.1f%n",
                    cold.percentileMillis(50) / warm.percentileMillis(50));
        }
    }

    private static void check(InvocationResult result) {
        if (!(result instanceof InvocationResult.Completed)) {
            throw new IllegalStateException("hello failed: " + result);
        }
    }
}
