package dev.regionless.functions.sandbox;

import java.io.PrintStream;
import java.util.Map;

/**
 * Static entry points that rewritten handler code calls instead of {@link System#getenv},
 * {@link System#out}/{@link System#err} and {@link System#exit}.
 *
 * <p>Why: several functions of several regions share one JVM, but each must see its own {@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL} and variables through plain {@code System.getenv}, as on Lambda, and its output must
 * land in its own log. The answer depends on the class that calls: classes loaded for an execution environment
 * have a class loader that implements {@link SandboxedLoader}; anything else gets the real process's view.
 */
public final class Sandbox {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Sandbox() {}

    /** Implemented by class loaders of execution environments. */
    public interface SandboxedLoader {
        SandboxView sandboxView();
    }

    public static String getenv(String name) {
        var view = viewOf(WALKER.getCallerClass());
        return view == null ? System.getenv(name) : view.environment().get(name);
    }

    public static Map<String, String> getenv() {
        var view = viewOf(WALKER.getCallerClass());
        return view == null ? System.getenv() : view.environment();
    }

    public static PrintStream out() {
        var view = viewOf(WALKER.getCallerClass());
        return view == null ? System.out : view.out();
    }

    public static PrintStream err() {
        var view = viewOf(WALKER.getCallerClass());
        return view == null ? System.err : view.err();
    }

    /** Replaces {@code System.exit(status)} in function code. */
    public static void exit(int status) {
        throw new EnvironmentExit(status);
    }

    /** Replaces {@code Runtime.getRuntime().exit(status)} and {@code halt(status)} in function code. */
    public static void exit(Runtime runtime, int status) {
        throw new EnvironmentExit(status);
    }

    private static SandboxView viewOf(Class<?> caller) {
        return caller.getClassLoader() instanceof SandboxedLoader loader ? loader.sandboxView() : null;
    }
}
