package dev.regionless.functions.engine;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where an execution environment's standard output, standard error and {@link LambdaLogger} go: each line into
 * the function's log, and into the running invocation's record (for {@code X-Amz-Log-Result}).
 */
final class EnvironmentOutput implements LambdaLogger {
    private final FunctionLog log;
    private final LineBuffer buffer = new LineBuffer();
    private final PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private volatile InvocationRecord current;

    EnvironmentOutput(FunctionLog log) {
        this.log = log;
    }

    PrintStream stream() {
        return stream;
    }

    /** Lines written from now on belong to this invocation (or to none, when {@code null}). */
    void attach(InvocationRecord record) {
        stream.flush();
        buffer.flushPartialLine();
        current = record;
    }

    /** Writes a platform line (START, END, REPORT) for the current invocation. */
    void platformLine(String line) {
        emit(line);
    }

    @Override
    public void log(String message) {
        stream.flush();
        buffer.flushPartialLine();
        emit(message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    private void emit(String line) {
        log.append(line);
        var record = current;
        if (record != null) {
            record.add(line);
        }
    }

    /** Collects bytes until a newline, then emits the line. */
    private final class LineBuffer extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushPartialLine();
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        synchronized void flushPartialLine() {
            if (pending.size() > 0) {
                var line = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                emit(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        }
    }
}
