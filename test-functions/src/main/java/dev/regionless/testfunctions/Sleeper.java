package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps for the event's {@code millis}, to exercise timeouts and concurrency. */
public class Sleeper implements RequestHandler<Map<String, Object>, String> {
    private static final String ENVIRONMENT = Integer.toHexString(System.identityHashCode(new Object()));

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        long millis = ((Number) event.getOrDefault("millis", 0)).longValue();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ENVIRONMENT;
    }
}
