package dev.regionless.router.internal;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/** Sorts the ways a call to a region can fail. */
final class Failures {
    private Failures() {}

    /**
     * Whether the connection never opened, so the region cannot have seen the request: safe to send it elsewhere,
     * whatever its method.
     */
    static boolean neverConnected(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof ConnectTimeoutException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the region took too long to answer (no byte for the idle timeout). */
    static boolean timedOut(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable error) {
        var message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
