package dev.regionless.events;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Function;

/**
 * A stand-in for the function runtime in the queue source's unit tests: one function that records the SQS events it
 * is invoked with and answers as {@link #answer} says. The integration tests run real functions in a real region.
 */
final class QueueFunctions implements Functions {
    static final String NAME = "consumer";

    /** The records of every invocation, in invocation order. */
    final List<List<JsonNode>> invocations = new CopyOnWriteArrayList<>();

    /** How the function answers a batch of records. */
    volatile Function<List<JsonNode>, InvocationResult> answer = records -> completed("null");

    @Override
    public InvocationResult invoke(String functionName, byte[] payload) {
        if (!functionName.equals(NAME)) {
            throw FunctionErrors.functionNotFound(functionName);
        }
        List<JsonNode> records;
        try {
            records =
                    Json.mapper().readTree(payload).get("Records").valueStream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        invocations.add(records);
        return answer.apply(records);
    }

    /** The bodies of every invocation, one list per invocation. */
    List<List<String>> bodies() {
        return invocations.stream()
                .map(records -> records.stream()
                        .map(record -> record.get("body").textValue())
                        .toList())
                .toList();
    }

    static InvocationResult completed(String response) {
        return new InvocationResult.Completed("r", response.getBytes(StandardCharsets.UTF_8), "");
    }

    static InvocationResult failed() {
        var error = "{\"errorMessage\":\"failing on purpose\",\"errorType\":\"java.lang.IllegalStateException\"}";
        return new InvocationResult.Failed("r", error.getBytes(StandardCharsets.UTF_8), "", false);
    }

    /** A partial batch response naming the records whose body starts with {@code prefix}. */
    static InvocationResult reportingFailuresOf(List<JsonNode> records, String prefix) {
        var failures = records.stream()
                .filter(record -> record.get("body").textValue().startsWith(prefix))
                .map(record ->
                        "{\"itemIdentifier\":\"" + record.get("messageId").textValue() + "\"}")
                .toList();
        return completed("{\"batchItemFailures\":[" + String.join(",", failures) + "]}");
    }

    @Override
    public Optional<FunctionInfo> function(String functionName) {
        if (!functionName.equals(NAME)) {
            return Optional.empty();
        }
        var config = FunctionConfig.of(functionName, "example.Handler", java.nio.file.Path.of("consumer.jar"));
        return Optional.of(new FunctionInfo(
                config, "arn:aws:lambda:eu-west-2:000000000000:function:" + functionName, "", 0, Instant.EPOCH));
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
