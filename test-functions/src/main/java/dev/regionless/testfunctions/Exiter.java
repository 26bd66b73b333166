package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Calls System.exit, which on Lambda ends the environment's process, and must not end anything else. */
public class Exiter implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.TRUE.equals(event.get("halt"))) {
            Runtime.getRuntime().halt(4);
        }
        System.exit(3);
        return "unreachable";
    }
}
