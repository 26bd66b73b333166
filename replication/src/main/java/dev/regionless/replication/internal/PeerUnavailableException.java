package dev.regionless.replication.internal;

/** A peer region that could not be reached, or that refused a request; the caller retries later. */
final class PeerUnavailableException extends RuntimeException {
    private final int status;

    PeerUnavailableException(String message, int status, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    /** The HTTP status the peer answered with, or 0 when it did not answer. */
    int status() {
        return status;
    }
}
