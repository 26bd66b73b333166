package dev.regionless.functions.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler bound to its instance: reads the event, runs the handler, writes the result. */
@FunctionalInterface
public interface HandlerInvoker {
    void invoke(InputStream event, OutputStream result, Context context) throws Throwable;
}
