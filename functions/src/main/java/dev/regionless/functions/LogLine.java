package dev.regionless.functions;

import java.time.Instant;

/**
 * One line of a function's log, as CloudWatch Logs would hold it.
 *
 * @param sequence a number that grows with every line of this function, for following a log
 * @param timestamp when the line was written
 * @param message the text, without a trailing newline
 */
public record LogLine(long sequence, Instant timestamp, String message) {}
