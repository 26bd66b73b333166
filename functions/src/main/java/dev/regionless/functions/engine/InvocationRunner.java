package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.InvocationResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one invocation in an execution environment, the way Lambda does: init first when the environment is new
 * (bounded by the init limit), then START, the handler (bounded by the function's timeout), END and REPORT.
 * A timeout or a fatal error discards the environment; a handler exception does not.
 */
final class InvocationRunner {
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private final FunctionsConfig config;

    InvocationRunner(FunctionsConfig config) {
        this.config = config;
    }

    InvocationResult run(DeployedFunction function, String requestId, byte[] payload) {
        var clock = config.clock();
        var warm = function.takeWarm(config.keepAlive(), clock.instant());
        var environment = warm != null ? warm : new ExecutionEnvironment(function);
        var record = new InvocationRecord();
        environment.output().attach(record);
        try {
            long initNanos = 0;
            if (warm == null) {
                long initStart = System.nanoTime();
                var initError = runBounded(environment::init, config.initTimeout());
                initNanos = System.nanoTime() - initStart;
                if (initError != null) {
                    return initFailed(function, environment, requestId, initError, initNanos, record);
                }
            }
            return invoke(function, environment, requestId, payload, warm == null, initNanos, record);
        } finally {
            environment.output().attach(null);
        }
    }

    private InvocationResult invoke(
            DeployedFunction function,
            ExecutionEnvironment environment,
            String requestId,
            byte[] payload,
            boolean cold,
            long initNanos,
            InvocationRecord record) {
        var output = environment.output();
        var fn = function.config();
        output.platformLine("START RequestId: " + requestId + " Version: $LATEST");
        var clock = config.clock();
        var context = new InvocationContext(
                requestId,
                fn.name(),
                config.functionArn(fn.name()),
                environment.logStreamName(clock.instant()),
                fn.memoryMb(),
                clock.instant().plus(fn.timeout()),
                clock,
                output);
        var result = new ByteArrayOutputStream();
        long start = System.nanoTime();
        var error = runBounded(() -> environment.invoke(new ByteArrayInputStream(payload), result, context), fn.timeout());
        long durationNanos = System.nanoTime() - start;
        boolean timedOut = error instanceof TimeoutException;
        if (timedOut) {
            output.platformLine(clock.instant() + " " + requestId + " Task timed out after "
                    + seconds(fn.timeout()) + " seconds");
        } else if (error != null) {
            output.platformLine(new String(ErrorPayload.of(error), java.nio.charset.StandardCharsets.UTF_8));
        }
        output.platformLine("END RequestId: " + requestId);
        long billedMs = report(function, requestId, durationNanos, initNanos, timedOut, output);
        boolean failed = error != null;
        function.meter().invoked(billedMs, fn.memoryMb(), cold, failed);
        if (timedOut || error instanceof VirtualMachineError) {
            return new InvocationResult.Failed(requestId, errorBody(requestId, error, fn.timeout()), record.tail(), timedOut);
        }
        function.returnWarm(environment, clock.instant());
        if (error != null) {
            return new InvocationResult.Failed(requestId, ErrorPayload.of(error), record.tail(), false);
        }
        if (result.size() > MAX_RESPONSE_BYTES) {
            var body = ErrorPayload.of("Function.ResponseSizeTooLarge", "Response payload size exceeded maximum"
                    + " allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
            return new InvocationResult.Failed(requestId, body, record.tail(), false);
        }
        return new InvocationResult.Completed(requestId, result.toByteArray(), record.tail());
    }

    private InvocationResult initFailed(
            DeployedFunction function,
            ExecutionEnvironment environment,
            String requestId,
            Throwable error,
            long initNanos,
            InvocationRecord record) {
        var output = environment.output();
        var fn = function.config();
        byte[] body;
        if (error instanceof TimeoutException) {
            body = ErrorPayload.of("Runtime.InitTimeout", "INIT phase timed out after "
                    + seconds(config.initTimeout()) + " seconds");
        } else {
            body = ErrorPayload.of(error);
        }
        output.platformLine("INIT_REPORT Init Duration: " + millis(initNanos) + " ms\tPhase: init\tStatus: error\t"
                + "Error Type: " + errorType(error));
        output.platformLine(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        long billedMs = (long) Math.ceil(initNanos / 1_000_000.0);
        function.meter().invoked(billedMs, fn.memoryMb(), true, true);
        return new InvocationResult.Failed(requestId, body, record.tail(), false);
    }

    private long report(
            DeployedFunction function,
            String requestId,
            long durationNanos,
            long initNanos,
            boolean timedOut,
            EnvironmentOutput output) {
        long billedMs = (long) Math.ceil(durationNanos / 1_000_000.0) + (long) Math.ceil(initNanos / 1_000_000.0);
        var line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationNanos)).append(" ms")
                .append("\tBilled Duration: ").append(Math.max(1, billedMs)).append(" ms")
                .append("\tMemory Size: ").append(function.config().memoryMb()).append(" MB");
        if (initNanos > 0) {
            line.append("\tInit Duration: ").append(millis(initNanos)).append(" ms");
        }
        if (timedOut) {
            line.append("\tStatus: timeout");
        }
        output.platformLine(line.toString());
        return Math.max(1, billedMs);
    }

    /**
     * Runs a task on its own virtual thread and waits at most {@code limit}. Answers the task's error, a
     * {@link TimeoutException} when the limit passed (the thread is interrupted and abandoned), or {@code null}.
     */
    private static Throwable runBounded(ThrowingTask task, Duration limit) {
        var done = new CompletableFuture<Void>();
        var thread = Thread.ofVirtual().name("function-invocation").start(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            thread.interrupt();
            return e;
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static byte[] errorBody(String requestId, Throwable error, Duration timeout) {
        return error instanceof TimeoutException
                ? ErrorPayload.timeout(requestId, timeout.toMillis() / 1000.0)
                : ErrorPayload.of(error);
    }

    private static String errorType(Throwable error) {
        return error instanceof TimeoutException ? "Runtime.InitTimeout" : error.getClass().getName();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
    }

    @FunctionalInterface
    interface ThrowingTask {
        void run() throws Throwable;
    }
}
