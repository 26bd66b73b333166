package dev.regionless.functions.engine;

import dev.regionless.functions.LogLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One function's log in one region: the recent lines in memory (for {@code logs} and {@code --follow}) and every
 * line appended to a file in the region's data folder, as CloudWatch Logs would keep them.
 */
final class FunctionLog implements AutoCloseable {
    private static final int RECENT_LINES = 10_000;

    private final Clock clock;
    private final BufferedWriter file;
    private final ArrayDeque<LogLine> recent = new ArrayDeque<>();
    private final List<LogLine> unwritten = new ArrayList<>();
    private long sequence;

    FunctionLog(Path path, Clock clock) {
        this.clock = clock;
        try {
            Files.createDirectories(path.getParent());
            this.file = Files.newBufferedWriter(
                    path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open function log " + path, e);
        }
    }

    synchronized LogLine append(String message) {
        var line = new LogLine(++sequence, clock.instant(), message);
        if (recent.size() == RECENT_LINES) {
            recent.removeFirst();
        }
        recent.addLast(line);
        unwritten.add(line);
        return line;
    }

    /**
     * Writes the lines appended since the last call to the file. Called periodically, off the invoke path: the file
     * is for people reading logs, not a durability promise, and formatting and writing each line as it comes would
     * cost the invoke path time and system calls.
     */
    synchronized void flush() {
        try {
            for (var line : unwritten) {
                file.write(line.timestamp() + " " + line.message());
                file.newLine();
            }
            file.flush();
        } catch (IOException e) {
            // The in-memory copy stays readable through the admin API; a full disk must not fail invocations.
        } finally {
            unwritten.clear();
        }
    }

    synchronized List<LogLine> after(long afterSequence, int limit) {
        var result = new ArrayList<LogLine>();
        for (var line : recent) {
            if (line.sequence() > afterSequence && result.size() < limit) {
                result.add(line);
            }
        }
        return result;
    }

    @Override
    public synchronized void close() {
        flush();
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
