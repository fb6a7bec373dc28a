package io.drover.state.rocks;

/** RocksDB failed underneath the state store; the server cannot continue safely. */
public final class StateStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StateStorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
