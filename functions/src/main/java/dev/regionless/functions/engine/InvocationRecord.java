package dev.regionless.functions.engine;

/** The log lines of one invocation, of which Lambda returns the last 4 KB when asked ({@code LogType: Tail}). */
final class InvocationRecord {
    private static final int TAIL_BYTES = 4096;
    private final StringBuilder text = new StringBuilder();

    synchronized void add(String line) {
        text.append(line).append('\n');
        if (text.length() > 4 * TAIL_BYTES) {
            text.delete(0, text.length() - TAIL_BYTES);
        }
    }

    synchronized String tail() {
        int start = Math.max(0, text.length() - TAIL_BYTES);
        return text.substring(start);
    }
}
