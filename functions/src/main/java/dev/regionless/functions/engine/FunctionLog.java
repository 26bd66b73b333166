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
        try {
            file.write(line.timestamp() + " " + message);
            file.newLine();
        } catch (IOException e) {
            // The in-memory copy still holds the line; a full disk must not fail the invocation.
        }
        return line;
    }

    /**
     * Writes buffered lines to the file. Called periodically rather than per line: the file is for people reading
     * logs, not a durability promise, and a write per line would cost three system calls per invocation.
     */
    synchronized void flush() {
        try {
            file.flush();
        } catch (IOException e) {
            // Same as above: the in-memory copy stays readable through the admin API.
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
        try {
            file.flush();
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
