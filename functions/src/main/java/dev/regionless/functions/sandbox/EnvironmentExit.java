package dev.regionless.functions.sandbox;

/**
 * Thrown in place of exiting the JVM when function code calls {@code System.exit}, {@code Runtime.exit} or
 * {@code Runtime.halt}: on Lambda that ends the function's own process, here it must not end the region's. It is an
 * {@link Error} so that handlers catching {@code Exception} do not swallow it; the runtime reports it as Lambda's
 * {@code Runtime.ExitError} and discards the environment.
 */
public final class EnvironmentExit extends Error {
    private final int status;

    public EnvironmentExit(int status) {
        super("Runtime exited with error: exit status " + status, null, false, false);
        this.status = status;
    }

    /** The status the function asked to exit with. */
    public int status() {
        return status;
    }
}
