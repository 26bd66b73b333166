package dev.regionless.tables.storage;

/** The disk failed us: a write could not be made durable, or the store could not be opened. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
