package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionUsage;
import java.util.concurrent.atomic.LongAdder;

/** Counts one function's invocations and billed duration, as Lambda bills them: per request and per GB-second. */
final class Meter {
    private final LongAdder invocations = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder coldStarts = new LongAdder();
    private final LongAdder billedMillis = new LongAdder();
    private final LongAdder megabyteMillis = new LongAdder();

    void invoked(long billedMs, int memoryMb, boolean coldStart, boolean failed) {
        invocations.increment();
        billedMillis.add(billedMs);
        megabyteMillis.add(billedMs * memoryMb);
        if (coldStart) {
            coldStarts.increment();
        }
        if (failed) {
            errors.increment();
        }
    }

    void throttled() {
        throttles.increment();
    }

    FunctionUsage snapshot(String functionName, int memoryMb) {
        double gbSeconds = megabyteMillis.sum() / 1024.0 / 1000.0;
        return new FunctionUsage(
                functionName,
                memoryMb,
                invocations.sum(),
                errors.sum(),
                throttles.sum(),
                coldStarts.sum(),
                billedMillis.sum(),
                gbSeconds);
    }
}
