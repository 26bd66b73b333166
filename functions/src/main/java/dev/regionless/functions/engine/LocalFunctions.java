package dev.regionless.functions.engine;

import dev.regionless.functions.AsyncInvoker;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.FunctionUsage;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.LogLine;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The function runtime of one region, running every execution environment inside this JVM.
 *
 * <p>Deploys swap the whole set at once: a function whose configuration and code did not change keeps its warm
 * environments; a changed one starts fresh, while invocations already running finish on the old version.
 */
public final class LocalFunctions implements Functions {
    private final FunctionsConfig config;
    private final PlatformVariables platformVariables = new PlatformVariables();
    private final FunctionLoader loader;
    private final ConcurrencyLimits limits;
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();
    private final Map<String, FunctionLog> logs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;
    private final ScheduledExecutorService timers;
    private volatile Map<String, DeployedFunction> deployed = Map.of();
    private volatile AsyncInvoker asyncInvoker;

    public LocalFunctions(FunctionsConfig config) {
        this.config = config;
        this.loader = new FunctionLoader(config, platformVariables);
        this.limits = new ConcurrencyLimits(config.concurrencyLimit());
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .daemon()
                .name("functions-reaper-" + config.region())
                .unstarted(r));
        var timeouts = new ScheduledThreadPoolExecutor(
                1,
                r -> Thread.ofPlatform()
                        .daemon()
                        .name("functions-timeouts-" + config.region())
                        .unstarted(r));
        // Nearly every watchdog is cancelled; without this they would pile up in the queue until their deadline.
        timeouts.setRemoveOnCancelPolicy(true);
        this.timers = timeouts;
        long periodMs = Math.max(100, Math.min(30_000, config.keepAlive().toMillis() / 2));
        reaper.scheduleWithFixedDelay(this::reclaimIdle, periodMs, periodMs, TimeUnit.MILLISECONDS);
        reaper.scheduleWithFixedDelay(this::flushLogs, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void deploy(List<FunctionConfig> functions) {
        var names = new java.util.HashSet<String>();
        for (var function : functions) {
            if (!names.add(function.name())) {
                throw FunctionErrors.invalidParameter("FunctionName: " + function.name() + " is declared twice");
            }
        }
        limits.apply(functions);
        var next = new LinkedHashMap<String, DeployedFunction>();
        for (var function : functions) {
            var current = deployed.get(function.name());
            next.put(function.name(), loader.reuseOrLoad(current, function, logFor(function), meterFor(function)));
        }
        var previous = deployed;
        deployed = Map.copyOf(next);
        previous.forEach((name, old) -> {
            if (next.get(name) != old) {
                old.drainIdle();
            }
        });
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] payload) {
        return start(functionName, payload).join();
    }

    @Override
    public CompletableFuture<InvocationResult> start(String functionName, byte[] payload) {
        return start(functionName, payload, RequestIds.next());
    }

    @Override
    public CompletableFuture<InvocationResult> start(String functionName, byte[] payload, String requestId) {
        var function = require(functionName);
        var fn = function.config();
        var throttleReason = limits.tryAcquire(fn, function.inUse());
        if (throttleReason != null) {
            function.meter().throttled();
            return CompletableFuture.completedFuture(new InvocationResult.Throttled(requestId, throttleReason));
        }
        Runnable release = () -> limits.release(fn, function.inUse());
        return new Invocation(config, timers, function, requestId, payload, release).start();
    }

    @Override
    public String invokeAsync(String functionName, byte[] payload) {
        require(functionName);
        var invoker = asyncInvoker;
        if (invoker != null) {
            return invoker.submit(functionName, payload);
        }
        // No region wired a durable queue (a runtime on its own): the event runs once, in the background.
        var requestId = RequestIds.next();
        start(functionName, payload, requestId);
        return requestId;
    }

    @Override
    public void setAsyncInvoker(AsyncInvoker invoker) {
        this.asyncInvoker = java.util.Objects.requireNonNull(invoker, "invoker");
    }

    @Override
    public synchronized void setReservedConcurrency(String functionName, int reserved) {
        var changed = deployed.values().stream()
                .map(DeployedFunction::config)
                .map(fn -> fn.name().equals(functionName) ? fn.withReservedConcurrency(reserved) : fn)
                .toList();
        require(functionName);
        deploy(changed);
    }

    @Override
    public Optional<FunctionInfo> function(String functionName) {
        return Optional.ofNullable(deployed.get(functionName)).map(DeployedFunction::info);
    }

    @Override
    public List<FunctionInfo> functions() {
        return deployed.values().stream()
                .map(DeployedFunction::info)
                .sorted(Comparator.comparing(info -> info.config().name()))
                .toList();
    }

    @Override
    public List<FunctionUsage> usage() {
        return deployed.values().stream()
                .map(f -> f.meter().snapshot(f.config().name(), f.config().memoryMb()))
                .sorted(Comparator.comparing(FunctionUsage::functionName))
                .toList();
    }

    @Override
    public List<LogLine> logs(String functionName, long afterSequence, int limit) {
        var log = logs.get(functionName);
        if (log == null) {
            throw FunctionErrors.functionNotFound(config.functionArn(functionName));
        }
        return log.after(afterSequence, limit);
    }

    /** Idle environments currently warm for a function; for tests and status. */
    public int warmEnvironments(String functionName) {
        return require(functionName).idleCount();
    }

    @Override
    public void setPlatformVariable(String name, String value) {
        platformVariables.set(name, value);
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        timers.shutdownNow();
        deployed.values().forEach(DeployedFunction::drainIdle);
        deployed = Map.of();
        logs.values().forEach(FunctionLog::close);
        loader.close();
    }

    private void flushLogs() {
        logs.values().forEach(FunctionLog::flush);
    }

    private void reclaimIdle() {
        var now = config.clock().instant();
        deployed.values().forEach(f -> f.reclaimIdle(config.keepAlive(), now));
    }

    private DeployedFunction require(String functionName) {
        var function = deployed.get(functionName);
        if (function == null) {
            throw FunctionErrors.functionNotFound(config.functionArn(functionName));
        }
        return function;
    }

    private FunctionLog logFor(FunctionConfig function) {
        return logs.computeIfAbsent(
                function.name(), name -> new FunctionLog(config.logDirectory().resolve(name + ".log"), config.clock()));
    }

    private Meter meterFor(FunctionConfig function) {
        return meters.computeIfAbsent(function.name(), name -> new Meter());
    }
}
