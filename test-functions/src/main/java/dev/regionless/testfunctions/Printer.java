package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Writes to standard output, standard error and the Lambda logger, each line tagged with the event's tag. */
public class Printer implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        var tag = String.valueOf(event.get("tag"));
        System.out.println("stdout " + tag);
        System.err.println("stderr " + tag);
        context.getLogger().log("logger " + tag);
        return tag;
    }
}
