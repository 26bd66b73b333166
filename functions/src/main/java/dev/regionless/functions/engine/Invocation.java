package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.sandbox.EnvironmentExit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One invocation, run the way Lambda runs it: init first when the environment is new (bounded by the init limit),
 * then START, the handler (bounded by the function's timeout), END and REPORT.
 *
 * <p>It runs on one virtual thread of its own. A watchdog settles the invocation when a limit passes: the caller
 * gets the timeout error at once, the thread is interrupted, and the environment is discarded. Whichever of the
 * thread and the watchdog settles first wins; the other does nothing more. A handler exception does not discard the
 * environment; a timeout or a JVM error does.
 */
final class Invocation {
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private final FunctionsConfig config;
    private final ScheduledExecutorService timers;
    private final DeployedFunction function;
    private final String requestId;
    private final byte[] payload;
    private final Runnable releaseSlot;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private final AtomicBoolean settled = new AtomicBoolean();
    private final InvocationRecord record = new InvocationRecord();
    private volatile Thread thread;
    private ExecutionEnvironment environment;
    private long initNanos;
    private long startNanos;

    Invocation(
            FunctionsConfig config,
            ScheduledExecutorService timers,
            DeployedFunction function,
            String requestId,
            byte[] payload,
            Runnable releaseSlot) {
        this.config = config;
        this.timers = timers;
        this.function = function;
        this.requestId = requestId;
        this.payload = payload;
        this.releaseSlot = releaseSlot;
    }

    /** Starts the invocation; the future completes when it is settled, at the latest when a limit passes. */
    CompletableFuture<InvocationResult> start() {
        Thread.ofVirtual().name("invoke-" + function.config().name()).start(this::run);
        return result;
    }

    private void run() {
        thread = Thread.currentThread();
        var warm = function.takeWarm(config.keepAlive(), config.clock().instant());
        environment = warm != null ? warm : new ExecutionEnvironment(function);
        environment.output().attach(record);
        if (warm == null && !initialise()) {
            return;
        }
        environment.output().platformLine("START RequestId: " + requestId + " Version: $LATEST");
        var timeout = function.config().timeout();
        var watchdog = arm(timeout, this::handlerTimedOut);
        var out = new ByteArrayOutputStream();
        startNanos = System.nanoTime();
        Throwable error = null;
        try {
            environment.invoke(new ByteArrayInputStream(payload), out, context());
        } catch (Throwable t) {
            error = t;
        }
        watchdog.cancel(false);
        if (settled.compareAndSet(false, true)) {
            finish(error, out);
        }
    }

    /** Runs init; answers whether the invocation goes on (false when init failed or timed out, already settled). */
    private boolean initialise() {
        var watchdog = arm(config.initTimeout(), this::initTimedOut);
        long start = System.nanoTime();
        Throwable error = null;
        try {
            environment.init();
        } catch (Throwable t) {
            error = t;
        }
        initNanos = System.nanoTime() - start;
        watchdog.cancel(false);
        if (settled.get()) {
            return false;
        }
        if (error != null && settled.compareAndSet(false, true)) {
            initFailed(ErrorPayload.of(error), error.getClass().getName());
            return false;
        }
        return error == null;
    }

    private void finish(Throwable error, ByteArrayOutputStream out) {
        long durationNanos = System.nanoTime() - startNanos;
        var output = environment.output();
        if (error != null) {
            output.platformLine(new String(ErrorPayload.of(error), StandardCharsets.UTF_8));
        }
        output.platformLine("END RequestId: " + requestId);
        long billed = report(durationNanos, false);
        function.meter().invoked(billed, function.config().memoryMb(), initNanos > 0, error != null);
        output.attach(null);
        // An exit or a JVM error ends an environment, as it ends a Lambda environment's process.
        if (!(error instanceof VirtualMachineError) && !(error instanceof EnvironmentExit)) {
            function.returnWarm(environment, config.clock().instant());
        }
        if (error instanceof EnvironmentExit exit) {
            var body = ErrorPayload.of("Runtime.ExitError", "RequestId: " + requestId + " Error: " + exit.getMessage());
            settle(new InvocationResult.Failed(requestId, body, record.tail(), false));
        } else if (error != null) {
            settle(new InvocationResult.Failed(requestId, ErrorPayload.of(error), record.tail(), false));
        } else if (out.size() > MAX_RESPONSE_BYTES) {
            var body = ErrorPayload.of(
                    "Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum" + " allowed payload size (" + MAX_RESPONSE_BYTES
                            + " bytes).");
            settle(new InvocationResult.Failed(requestId, body, record.tail(), false));
        } else {
            settle(new InvocationResult.Completed(requestId, out.toByteArray(), record.tail()));
        }
    }

    private void handlerTimedOut() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        thread.interrupt();
        long durationNanos = System.nanoTime() - startNanos;
        var timeout = function.config().timeout();
        var output = environment.output();
        output.platformLine(
                config.clock().instant() + " " + requestId + " Task timed out after " + seconds(timeout) + " seconds");
        output.platformLine("END RequestId: " + requestId);
        long billed = report(durationNanos, true);
        function.meter().invoked(billed, function.config().memoryMb(), initNanos > 0, true);
        output.attach(null);
        settle(new InvocationResult.Failed(
                requestId, ErrorPayload.timeout(requestId, timeout.toMillis() / 1000.0), record.tail(), true));
    }

    private void initTimedOut() {
        if (settled.compareAndSet(false, true)) {
            thread.interrupt();
            initNanos = config.initTimeout().toNanos();
            initFailed(
                    ErrorPayload.of(
                            "Runtime.InitTimeout",
                            "INIT phase timed out after " + seconds(config.initTimeout()) + " seconds"),
                    "Runtime.InitTimeout");
        }
    }

    private void initFailed(byte[] body, String errorType) {
        var output = environment.output();
        output.platformLine("INIT_REPORT Init Duration: " + millis(initNanos) + " ms\tPhase: init\tStatus: error\t"
                + "Error Type: " + errorType);
        output.platformLine(new String(body, StandardCharsets.UTF_8));
        output.attach(null);
        function.meter()
                .invoked(
                        Math.max(1, (long) Math.ceil(initNanos / 1e6)),
                        function.config().memoryMb(),
                        true,
                        true);
        settle(new InvocationResult.Failed(requestId, body, record.tail(), false));
    }

    private long report(long durationNanos, boolean timedOut) {
        long billed = Math.max(1, (long) Math.ceil(durationNanos / 1e6) + (long) Math.ceil(initNanos / 1e6));
        var line = new StringBuilder("REPORT RequestId: ")
                .append(requestId)
                .append("\tDuration: ")
                .append(millis(durationNanos))
                .append(" ms")
                .append("\tBilled Duration: ")
                .append(billed)
                .append(" ms")
                .append("\tMemory Size: ")
                .append(function.config().memoryMb())
                .append(" MB");
        if (initNanos > 0) {
            line.append("\tInit Duration: ").append(millis(initNanos)).append(" ms");
        }
        if (timedOut) {
            line.append("\tStatus: timeout");
        }
        environment.output().platformLine(line.toString());
        return billed;
    }

    private InvocationContext context() {
        var clock = config.clock();
        var fn = function.config();
        return new InvocationContext(
                requestId,
                fn.name(),
                config.functionArn(fn.name()),
                environment.logStreamName(clock.instant()),
                fn.memoryMb(),
                clock.instant().plus(fn.timeout()),
                clock,
                environment.output());
    }

    private ScheduledFuture<?> arm(Duration limit, Runnable onTimeout) {
        return timers.schedule(onTimeout, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void settle(InvocationResult outcome) {
        releaseSlot.run();
        result.complete(outcome);
    }

    /** Milliseconds with two decimals, as REPORT lines show them; by hand because String.format is slow. */
    static String millis(long nanos) {
        long hundredths = Math.round(nanos / 10_000.0);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
    }
}
