package dev.regionless.functions;

import java.util.List;
import java.util.Optional;

/**
 * The function runtime of one region, in Lambda's terms. Blocking calls: invoke from a virtual thread.
 *
 * <p>Errors that AWS answers with an error code (an unknown function, a deploy that cannot load) are thrown
 * as {@link dev.regionless.common.AwsException}; outcomes of running a handler are {@link InvocationResult}s.
 */
public interface Functions extends AutoCloseable {

    /** A runtime that runs every execution environment inside this JVM. */
    static Functions create(FunctionsConfig config) {
        return new dev.regionless.functions.engine.LocalFunctions(config);
    }

    /**
     * Deploys these functions, replacing the set deployed before. Each function's code is loaded and its handler
     * resolved first; if any fails, nothing changes and the old versions keep serving.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} naming the function and
     *     the problem when a function cannot be loaded
     */
    void deploy(List<FunctionConfig> functions);

    /** Runs one invocation synchronously ({@code RequestResponse}). */
    InvocationResult invoke(String functionName, byte[] payload);

    /**
     * Starts one synchronous invocation on its own virtual thread. The future completes with the result, at the
     * latest when the function's timeout passes; callers that wait for it need no thread of their own for the
     * timeout.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} at once for an unknown function
     */
    default java.util.concurrent.CompletableFuture<InvocationResult> start(String functionName, byte[] payload) {
        var result = new java.util.concurrent.CompletableFuture<InvocationResult>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(invoke(functionName, payload));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * {@link #start(String, byte[])} under a request id the caller chose: the asynchronous path runs each attempt of
     * an event under the request id it answered with, as Lambda does. Runtimes that cannot honour it ignore it.
     */
    default java.util.concurrent.CompletableFuture<InvocationResult> start(
            String functionName, byte[] payload, String requestId) {
        return start(functionName, payload);
    }

    /**
     * Invokes asynchronously, as {@code InvocationType: Event} does: hands the event to the region's
     * {@link AsyncInvoker} (durable queue, retries, destinations) and returns its request id once it is accepted.
     * This is the one entry point for every asynchronous source of the region (the Lambda API, schedules, topics).
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} at once for an unknown function
     */
    default String invokeAsync(String functionName, byte[] payload) {
        if (function(functionName).isEmpty()) {
            throw FunctionErrors.functionNotFound(functionName);
        }
        var requestId = java.util.UUID.randomUUID().toString();
        start(functionName, payload, requestId);
        return requestId;
    }

    /**
     * Sets where {@link #invokeAsync} sends events; the region does this once as it assembles itself.
     *
     * @throws UnsupportedOperationException for runtimes that only run events once in the background
     */
    default void setAsyncInvoker(AsyncInvoker invoker) {
        throw new UnsupportedOperationException("this runtime runs asynchronous invocations once, in the background");
    }

    /**
     * Sets a function's reserved concurrency ({@code PutFunctionConcurrency}), or with
     * {@link FunctionConfig#UNRESERVED} removes it ({@code DeleteFunctionConcurrency}). Warm environments of the
     * function are replaced; a later deploy of the template sets the template's value again.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} for an unknown function,
     *     {@code InvalidParameterValueException} when the reservation does not fit the region's pool
     */
    default void setReservedConcurrency(String functionName, int reserved) {
        throw new UnsupportedOperationException("this runtime does not change reserved concurrency");
    }

    /** The function with this name, if deployed. */
    Optional<FunctionInfo> function(String functionName);

    /** Every deployed function, by name. */
    List<FunctionInfo> functions();

    /** Metered use of every function deployed since start. */
    List<FunctionUsage> usage();

    /** Log lines of a function with a sequence number above {@code afterSequence}, oldest first. */
    List<LogLine> logs(String functionName, long afterSequence, int limit);

    /**
     * Sets (or, with {@code null}, removes) a variable that every function of the region sees from its next
     * {@code System.getenv} on, without a redeploy: how the platform tells running code about live state such as
     * the region's health switch ({@code REGIONLESS_REGION_HEALTH}).
     */
    void setPlatformVariable(String name, String value);

    /** Stops every execution environment. */
    @Override
    void close();
}
