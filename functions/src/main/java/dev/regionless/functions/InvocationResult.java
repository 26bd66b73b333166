package dev.regionless.functions;

/**
 * What happened to one synchronous invocation. A closed set: the caller switches over it.
 */
public sealed interface InvocationResult {

    /** The request id Lambda assigned; also in the START/END/REPORT log lines. */
    String requestId();

    /** The handler returned; {@code payload} is its serialized result (JSON, or raw bytes for stream handlers). */
    record Completed(String requestId, byte[] payload, String logTail) implements InvocationResult {}

    /**
     * The handler threw, timed out or could not start. {@code errorPayload} is Lambda's error JSON
     * ({@code errorMessage}, {@code errorType}, {@code stackTrace}); {@code timedOut} marks a timeout.
     */
    record Failed(String requestId, byte[] errorPayload, String logTail, boolean timedOut)
            implements InvocationResult {}

    /** The function did not run: a concurrency limit was reached. {@code reason} is Lambda's throttle reason. */
    record Throttled(String requestId, String reason) implements InvocationResult {}
}
