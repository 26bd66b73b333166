package dev.regionless.region;

/** A region could not start: typically a port already in use, or a data folder that cannot be written. */
public final class RegionStartException extends RuntimeException {
    public RegionStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
