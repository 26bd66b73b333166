package dev.regionless.functions.sandbox;

import java.io.PrintStream;
import java.util.Map;

/**
 * What one execution environment sees in place of the process's own environment and standard streams.
 */
public interface SandboxView {

    /** The environment variables of this function in this region. */
    Map<String, String> environment();

    /** Standard output, captured into the function's log. */
    PrintStream out();

    /** Standard error, captured into the function's log. */
    PrintStream err();
}
