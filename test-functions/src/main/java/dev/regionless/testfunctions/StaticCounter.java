package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts invocations in a static field, and how often its class was initialised in this environment. */
public class StaticCounter implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final AtomicInteger INITIALISATIONS = new AtomicInteger();
    private static final AtomicInteger INVOCATIONS = new AtomicInteger();
    private static final String ENVIRONMENT = Integer.toHexString(System.identityHashCode(new Object()));

    static {
        INITIALISATIONS.incrementAndGet();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of(
                "invocations", INVOCATIONS.incrementAndGet(),
                "initialisations", INITIALISATIONS.get(),
                "environment", ENVIRONMENT);
    }
}
