package io.newsflow.events;

/** An event that cannot be read as its schema says; the message is the reason a dead-letter record carries. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
