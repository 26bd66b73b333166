package dev.regionless.events;

import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.FunctionUsage;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.LogLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A function runtime for the asynchronous queue's unit tests: functions answer with scripted results, in order, and
 * complete once the script is used up; every attempt's request id is kept. Functions can be deployed and removed.
 */
final class ScriptedFunctions implements Functions {
    final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, FunctionConfig> deployed = new ConcurrentHashMap<>();
    private final Queue<InvocationResult> script = new ConcurrentLinkedQueue<>();

    ScriptedFunctions with(String name) {
        deployed.put(name, FunctionConfig.of(name, "example.Handler", Path.of("/nowhere")));
        return this;
    }

    ScriptedFunctions then(InvocationResult result) {
        script.add(result);
        return this;
    }

    static InvocationResult throttled() {
        return new InvocationResult.Throttled("r", "ConcurrentInvocationLimitExceeded");
    }

    static InvocationResult failed() {
        return new InvocationResult.Failed(
                "r", "{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8), "", false);
    }

    void remove(String name) {
        deployed.remove(name);
    }

    @Override
    public CompletableFuture<InvocationResult> start(String functionName, byte[] payload, String requestId) {
        if (!deployed.containsKey(functionName)) {
            throw FunctionErrors.functionNotFound(functionName);
        }
        attempts.add(requestId);
        var next = script.poll();
        return CompletableFuture.completedFuture(
                next != null ? next : new InvocationResult.Completed(requestId, "\"done\"".getBytes(), ""));
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] payload) {
        return start(functionName, payload, "sync").join();
    }

    @Override
    public Optional<FunctionInfo> function(String functionName) {
        return Optional.ofNullable(deployed.get(functionName))
                .map(config -> new FunctionInfo(config, "arn:" + functionName, "", 0, Instant.EPOCH));
    }

    @Override
    public void deploy(List<FunctionConfig> functions) {
        functions.forEach(config -> deployed.put(config.name(), config));
    }

    @Override
    public List<FunctionInfo> functions() {
        return deployed.keySet().stream()
                .map(name -> function(name).orElseThrow())
                .toList();
    }

    @Override
    public List<FunctionUsage> usage() {
        return List.of();
    }

    @Override
    public List<LogLine> logs(String functionName, long afterSequence, int limit) {
        return List.of();
    }

    @Override
    public void setPlatformVariable(String name, String value) {}

    @Override
    public void close() {}
}
