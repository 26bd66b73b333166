package dev.regionless.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard output is a terminal, to decide between redrawing in place and printing plain text. On Java 22
 * and later {@code System.console()} is not null even when output goes to a file, so on Linux the answer is read
 * from where file descriptor 1 leads; elsewhere the console is the best sign there is.
 */
final class Terminal {
    private Terminal() {}

    static boolean isStdoutTerminal() {
        var stdout = Path.of("/proc/self/fd/1");
        if (Files.isSymbolicLink(stdout)) {
            try {
                var target = Files.readSymbolicLink(stdout).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
