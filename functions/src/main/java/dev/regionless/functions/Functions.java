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
     * Starts one invocation on its own virtual thread. The future completes with the result, at the latest when
     * the function's timeout passes; callers that wait for it need no thread of their own for the timeout.
     *
     * @throws dev.regionless.common.AwsException {@code ResourceNotFoundException} at once for an unknown function
     */
    default java.util.concurrent.CompletableFuture<InvocationResult> invokeAsync(String functionName, byte[] payload) {
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
