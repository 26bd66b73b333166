package dev.regionless.gateway.internal;

import dev.regionless.common.AwsException;
import dev.regionless.functions.Functions;
import dev.regionless.functions.InvocationResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda proxy integration call with API Gateway's timeout: the runtime runs the function on its own thread, and
 * when the timeout passes the outcome is {@link Outcome.TimedOut} at once while the function keeps running, as
 * Lambda does.
 */
public final class Integration {
    private final Functions functions;

    public Integration(Functions functions) {
        this.functions = functions;
    }

    /**
     * Invokes the function; the outcome completes when it answers or, at the latest, when {@code timeout} passes.
     * No thread waits: the runtime's own invocation thread completes the outcome.
     */
    public CompletableFuture<Outcome> invoke(String functionName, byte[] event, Duration timeout) {
        CompletableFuture<InvocationResult> invocation;
        try {
            invocation = functions.start(functionName, event);
        } catch (AwsException e) {
            return CompletableFuture.completedFuture(outcomeOf(e));
        }
        return invocation
                .<Outcome>thenApply(Outcome.Answered::new)
                .exceptionally(Integration::outcomeOf)
                .completeOnTimeout(new Outcome.TimedOut(), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Outcome outcomeOf(Throwable error) {
        var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof AwsException aws ? outcomeOf(aws) : new Outcome.Crashed(cause);
    }

    private static Outcome outcomeOf(AwsException error) {
        if ("ResourceNotFoundException".equals(error.code())) {
            return new Outcome.UnknownFunction(error.getMessage());
        }
        if (error.status() == 429) {
            return new Outcome.Answered(new InvocationResult.Throttled("", error.getMessage()));
        }
        return new Outcome.Crashed(error);
    }

    /** How an integration call ended. */
    public sealed interface Outcome {
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
