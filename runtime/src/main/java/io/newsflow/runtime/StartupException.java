package io.newsflow.runtime;

/** A command could not start (configuration, broker, start-up timeout): exit code {@link Exit#CANNOT_START}. */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
