package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Its static initialisation fails, so no invocation ever reaches the handler. */
public class FailingInit implements RequestHandler<Map<String, Object>, String> {
    static final String VALUE = fail();

    private static String fail() {
        throw new IllegalArgumentException("configuration missing");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return VALUE;
    }
}
