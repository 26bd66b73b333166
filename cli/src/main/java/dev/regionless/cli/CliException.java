package dev.regionless.cli;

/** A problem with what the user asked for, reported as one line. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
