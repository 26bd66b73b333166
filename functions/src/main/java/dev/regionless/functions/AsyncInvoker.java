package dev.regionless.functions;

/**
 * Where a region's asynchronous invocations ({@code InvocationType: Event}) go. Lambda queues each event durably,
 * then runs it with retries and destinations; that machinery belongs to the {@code events} module, which the
 * function runtime may not depend on, so the region sets it here when it assembles itself
 * ({@link Functions#setAsyncInvoker}). Until then a runtime runs each event once in the background.
 */
@FunctionalInterface
public interface AsyncInvoker {

    /**
     * Accepts one event for a deployed function. Returns once the event is durable (a region that stops right after
     * still delivers it) with the request id Lambda answers with and that the invocation record carries.
     *
     * @throws dev.regionless.common.AwsException when the event cannot be accepted
     */
    String submit(String functionName, byte[] payload);
}
