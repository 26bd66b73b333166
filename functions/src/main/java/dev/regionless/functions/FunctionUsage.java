package dev.regionless.functions;

/**
 * Metered use of one function in one region since the region started.
 *
 * @param functionName the function
 * @param memoryMb its configured memory, which prices its duration
 * @param invocations invocations that ran (throttled ones are not billed and not counted here)
 * @param errors invocations that ended in a function error or timeout
 * @param throttles invocations refused by a concurrency limit
 * @param coldStarts invocations that needed a new execution environment
 * @param billedMillis billed duration in ms, rounded up to 1 ms per invocation, init included
 * @param gbSeconds billed duration times memory, in GB-seconds
 */
public record FunctionUsage(
        String functionName,
        int memoryMb,
        long invocations,
        long errors,
        long throttles,
        long coldStarts,
        long billedMillis,
        double gbSeconds) {}
