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
import java.util.function.Function;

/**
 * A stand-in for the function runtime in unit tests: one function that records every event it is invoked with
 * (as the sequence numbers of its records) and fails the first {@link #failNext} invocations, or answers as
 * {@link #answer} says; and a second function, {@link #DESTINATION}, that records the on-failure records it gets.
 * The integration tests run real functions in a real region instead.
 */
final class RecordingFunctions implements Functions {
    static final String NAME = "recorder";
    static final String DESTINATION = "on-failure";
    static final String DESTINATION_ARN = "arn:aws:lambda:eu-west-2:000000000000:function:" + DESTINATION;

    /** Every invocation's records, as sequence numbers, in the order the function was invoked. */
    final List<List<Long>> invocations = new CopyOnWriteArrayList<>();
    /** The payload of every invocation. */
    final List<String> payloads = new CopyOnWriteArrayList<>();
    /** Every record the on-failure destination received. */
    final List<String> failureRecords = new CopyOnWriteArrayList<>();

    final AtomicInteger failNext = new AtomicInteger();

    /** How the function answers a batch (its sequence numbers) once {@link #failNext} is used up. */
    volatile Function<List<Long>, InvocationResult> answer = batch -> completed("null");

    @Override
    public InvocationResult invoke(String functionName, byte[] payload) {
        var text = new String(payload, StandardCharsets.UTF_8);
        if (functionName.equals(DESTINATION)) {
            failureRecords.add(text);
            return completed("null");
        }
        if (!functionName.equals(NAME)) {
            throw FunctionErrors.functionNotFound(functionName);
        }
        payloads.add(text);
        var batch = sequences(text);
        invocations.add(batch);
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return failed();
        }
        return answer.apply(batch);
    }

    /** Fails every batch that holds {@code poison}. */
    void failBatchesWith(long poison) {
        answer = batch -> batch.contains(poison) ? failed() : completed("null");
    }

    static InvocationResult completed(String response) {
        return new InvocationResult.Completed("r", response.getBytes(StandardCharsets.UTF_8), "");
    }

    static InvocationResult failed() {
        var error = "{\"errorMessage\":\"failing on purpose\",\"errorType\":\"java.lang.IllegalStateException\"}";
        return new InvocationResult.Failed("r", error.getBytes(StandardCharsets.UTF_8), "", false);
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
        if (!functionName.equals(NAME) && !functionName.equals(DESTINATION)) {
            return Optional.empty();
        }
        var config = FunctionConfig.of(functionName, "example.Handler", java.nio.file.Path.of("recorder.jar"));
        return Optional.of(new FunctionInfo(
                config, "arn:aws:lambda:eu-west-2:000000000000:function:" + functionName, "", 0, Instant.EPOCH));
    }

    @Override
    public void deploy(List<FunctionConfig> functions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<FunctionInfo> functions() {
        return java.util.stream.Stream.of(NAME, DESTINATION)
                .flatMap(name -> function(name).stream())
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
    public void close() {}

    @Override
    public void setPlatformVariable(String name, String value) {
        // Event sources never read functions' environments.
    }
}
