package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Records every event it gets as {@link EventRecorder} does, then fails: for counting the attempts of an
 * asynchronous invocation that the platform retries.
 */
public class FailingRecorder implements RequestStreamHandler {
    private final EventRecorder recorder = new EventRecorder();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        recorder.handleRequest(input, new ByteArrayOutputStream(), context);
        throw new IllegalStateException("failed on purpose");
    }
}
