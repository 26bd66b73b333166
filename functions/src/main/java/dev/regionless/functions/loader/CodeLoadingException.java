package dev.regionless.functions.loader;

/** A function's code cannot be loaded; the message names the path, class or method and the problem. */
public final class CodeLoadingException extends RuntimeException {
    public CodeLoadingException(String message) {
        super(message);
    }

    public CodeLoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
