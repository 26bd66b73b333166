package dev.regionless.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.FunctionUsage;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.LogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A function runtime scripted by the test: each function is a lambda from the event it receives to the result
 * it returns. Every event is kept, so tests can assert on what the function saw.
 */
public final class FakeFunctions implements Functions {
    private final Map<String, Function<byte[], InvocationResult>> behaviours = new ConcurrentHashMap<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** One call: the function's name and the event bytes it got. */
    public record Invocation(String functionName, byte[] event) {
        /** The event as a JSON tree. */
        public JsonNode json() {
            try {
                return Json.mapper().readTree(event);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The function answers with whatever {@code behaviour} returns for the event. */
    public FakeFunctions define(String name, Function<byte[], InvocationResult> behaviour) {
        behaviours.put(name, behaviour);
        return this;
    }

    /** The function completes with this payload, whatever the event. */
    public FakeFunctions returning(String name, String payload) {
        return define(name, event -> completed(payload));
    }

    /** The function's handler throws. */
    public FakeFunctions failing(String name) {
        return define(
                name,
                event -> new InvocationResult.Failed(
                        nextId(),
                        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        "",
                        false));
    }

    /** A completed invocation with this payload. */
    public InvocationResult completed(String payload) {
        return new InvocationResult.Completed(nextId(), payload.getBytes(StandardCharsets.UTF_8), "");
    }

    /** A text field of an event, for behaviours that echo part of what they got. */
    public static String jsonField(byte[] event, String field) {
        return new Invocation("", event).json().path(field).asText();
    }

    /** Every invocation so far, oldest first. */
    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** The last event a function got. */
    public JsonNode lastEvent() {
        if (invocations.isEmpty()) {
            throw new AssertionError("no function was invoked");
        }
        return invocations.get(invocations.size() - 1).json();
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] payload) {
        invocations.add(new Invocation(functionName, payload));
        var behaviour = behaviours.get(functionName);
        if (behaviour == null) {
            throw new AwsException(
                    "ResourceNotFoundException",
                    404,
                    "Function not found: arn:aws:lambda:eu-west-2:123456789012:function:" + functionName);
        }
        return behaviour.apply(payload);
    }

    @Override
    public void deploy(List<FunctionConfig> functions) {
        throw new UnsupportedOperationException("the fake runtime is scripted with define()");
    }

    @Override
    public Optional<FunctionInfo> function(String functionName) {
        return Optional.empty();
    }

    @Override
    public List<FunctionInfo> functions() {
        return List.of();
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

    private String nextId() {
        return "00000000-0000-0000-0000-" + String.format("%012d", ids.incrementAndGet());
    }

    @Override
    public void setPlatformVariable(String name, String value) {
        // The gateway's tests never read functions' environments.
    }
}
