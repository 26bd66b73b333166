package dev.regionless.events;

import dev.regionless.common.Json;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.FunctionUsage;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.LogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the function runtime in unit tests: one function that records every event it is invoked with
 * (as the sequence numbers of its records) and fails the first {@link #failNext} invocations. The integration tests
 * run real functions in a real region instead.
 */
final class RecordingFunctions implements Functions {
    static final String NAME = "recorder";

    /** Every invocation's records, as sequence numbers, in the order the function was invoked. */
    final List<List<Long>> invocations = new CopyOnWriteArrayList<>();
    /** The payload of every invocation. */
    final List<String> payloads = new CopyOnWriteArrayList<>();

    final AtomicInteger failNext = new AtomicInteger();

    @Override
    public InvocationResult invoke(String functionName, byte[] payload) {
        if (!functionName.equals(NAME)) {
            throw FunctionErrors.functionNotFound(functionName);
        }
        var text = new String(payload, StandardCharsets.UTF_8);
        payloads.add(text);
        invocations.add(sequences(text));
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            var error = "{\"errorMessage\":\"failing on purpose\",\"errorType\":\"java.lang.IllegalStateException\"}";
            return new InvocationResult.Failed("r", error.getBytes(StandardCharsets.UTF_8), "", false);
        }
        return new InvocationResult.Completed("r", "null".getBytes(StandardCharsets.UTF_8), "");
    }

    /** Every record delivered, in delivery order, counting each delivery of a retried batch. */
    List<Long> delivered() {
        return invocations.stream().flatMap(List::stream).toList();
    }

    private static List<Long> sequences(String event) {
        try {
            return Json.mapper()
                    .readTree(event)
                    .get("Records")
                    .valueStream()
                    .map(record -> Long.parseLong(
                            record.get("dynamodb").get("SequenceNumber").textValue()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<FunctionInfo> function(String functionName) {
        if (!functionName.equals(NAME)) {
            return Optional.empty();
        }
        var config = FunctionConfig.of(NAME, "example.Handler", java.nio.file.Path.of("recorder.jar"));
        return Optional.of(new FunctionInfo(
                config, "arn:aws:lambda:eu-west-2:000000000000:function:" + NAME, "", 0, Instant.EPOCH));
    }

    @Override
    public void deploy(List<FunctionConfig> functions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<FunctionInfo> functions() {
        return function(NAME).stream().toList();
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
    public void close() {}

    @Override
    public void setPlatformVariable(String name, String value) {
        // Event sources never read functions' environments.
    }
}
