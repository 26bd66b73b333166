package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionErrors;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The region's concurrent executions: each function with reserved concurrency has its own slice, the rest share
 * the unreserved pool. Lambda keeps at least 100 of the pool unreserved; with a small test limit, a tenth.
 */
final class ConcurrencyLimits {
    static final String RESERVED_EXCEEDED = "ReservedFunctionConcurrentInvocationLimitExceeded";
    static final String POOL_EXCEEDED = "ConcurrentInvocationLimitExceeded";

    private final int regionLimit;
    private final AtomicInteger unreservedInUse = new AtomicInteger();
    private volatile int unreservedCapacity;

    ConcurrencyLimits(int regionLimit) {
        this.regionLimit = regionLimit;
        this.unreservedCapacity = regionLimit;
    }

    /** Checks that the functions' reservations fit, and resizes the unreserved pool to what is left. */
    void apply(Collection<FunctionConfig> functions) {
        int reserved = functions.stream()
                .filter(FunctionConfig::hasReservedConcurrency)
                .mapToInt(FunctionConfig::reservedConcurrency)
                .sum();
        int minimumUnreserved = Math.min(100, regionLimit / 10);
        if (reserved > regionLimit - minimumUnreserved) {
            throw FunctionErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases"
                    + " account's UnreservedConcurrentExecution below its minimum value of [" + minimumUnreserved
                    + "].");
        }
        unreservedCapacity = regionLimit - reserved;
    }

    /** Takes one execution slot, or answers the throttle reason. */
    String tryAcquire(FunctionConfig config, AtomicInteger functionInUse) {
        if (config.hasReservedConcurrency()) {
            return increment(functionInUse, config.reservedConcurrency()) ? null : RESERVED_EXCEEDED;
        }
        if (!increment(unreservedInUse, unreservedCapacity)) {
            return POOL_EXCEEDED;
        }
        functionInUse.incrementAndGet();
        return null;
    }

    void release(FunctionConfig config, AtomicInteger functionInUse) {
        functionInUse.decrementAndGet();
        if (!config.hasReservedConcurrency()) {
            unreservedInUse.decrementAndGet();
        }
    }

    private static boolean increment(AtomicInteger counter, int limit) {
        while (true) {
            int current = counter.get();
            if (current >= limit) {
                return false;
            }
            if (counter.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }
}
