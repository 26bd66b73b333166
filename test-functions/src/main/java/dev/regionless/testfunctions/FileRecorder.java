package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends every event it gets, as one line, to the file named by {@code RECORD_FILE}. Nothing to start but this
 * class, so a burst of cold starts stays cheap: for crash tests that count deliveries, not for behaviour.
 */
public class FileRecorder implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var line = new String(input.readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ') + "\n";
        // One write with O_APPEND: lines from concurrent environments do not interleave.
        Files.writeString(
                Path.of(System.getenv("RECORD_FILE")),
                line,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        output.write("null".getBytes(StandardCharsets.UTF_8));
    }
}
