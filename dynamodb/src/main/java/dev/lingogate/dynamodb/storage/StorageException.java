package dev.lingogate.dynamodb.storage;

/** SQLite failed (disk full, file corrupt): not the client's fault, answered as an internal error. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
