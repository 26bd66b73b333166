package dev.regionless.gateway.internal;

import dev.regionless.common.AwsException;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Lambda proxy integration call with API Gateway's timeout: the function runs on its own virtual thread, and
 * when the timeout passes the caller gets {@link Outcome.TimedOut} at once while the function keeps running, as
 * Lambda does.
 */
final class Integration {
    private final Functions functions;
    private final ExecutorService executor;

    Integration(Functions functions, ExecutorService executor) {
        this.functions = functions;
        this.executor = executor;
    }

    /** Invokes the function and waits at most {@code timeout}. */
    Outcome invoke(String functionName, byte[] event, Duration timeout) {
        var future = CompletableFuture.supplyAsync(() -> functions.invoke(functionName, event), executor);
        try {
            return new Outcome.Answered(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return new Outcome.TimedOut();
        } catch (ExecutionException e) {
            var cause = e.getCause();
            if (cause instanceof AwsException aws && "ResourceNotFoundException".equals(aws.code())) {
                return new Outcome.UnknownFunction(aws.getMessage());
            }
            if (cause instanceof AwsException aws && aws.status() == 429) {
                return new Outcome.Answered(new InvocationResult.Throttled("", aws.getMessage()));
            }
            return new Outcome.Crashed(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Crashed(e);
        }
    }

    /** How an integration call ended. */
    sealed interface Outcome {
        /** The runtime answered: completed, failed or throttled. */
        record Answered(InvocationResult result) implements Outcome {}

        /** No answer within the integration timeout. */
        record TimedOut() implements Outcome {}

        /** The function is not deployed. */
        record UnknownFunction(String message) implements Outcome {}

        /** The runtime itself threw. */
        record Crashed(Throwable error) implements Outcome {}
    }
}
