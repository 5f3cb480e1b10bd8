package io.newsflow.runtime.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Each message to every listener through a queue of its own of at most {@code backlog}: a listener that far behind
 * is dropped, never buffered without bound; at most {@code maxListeners} at once (each holds a server thread).
 */
public final class Broadcast<T> {
    private final int backlog;
    private final int maxListeners;
    private final List<Listener<T>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public Broadcast(int backlog, int maxListeners) {
        this.backlog = backlog;
        this.maxListeners = maxListeners;
    }

    /** What {@link Listener#next} says. */
    public sealed interface Next<T> {
    }

    /** A message to send. */
    public record Message<T>(T value) implements Next<T> {
    }

    /** Nothing within the wait: time for a heartbeat. */
    public record Idle<T>() implements Next<T> {
    }

    /** The listener was dropped (too far behind) or the broadcast closed: end the stream. */
    public record Ended<T>(String reason) implements Next<T> {
    }

    /** One listener's queue. */
    public static final class Listener<T> implements AutoCloseable {
        private final Broadcast<T> owner;
        private final BlockingQueue<Object> queue;
        private volatile String ended;

        private Listener(Broadcast<T> owner, int backlog) {
            this.owner = owner;
            // One slot more than the backlog, for the end marker.
            this.queue = new ArrayBlockingQueue<>(backlog + 1);
        }

        /** The next message, waiting up to {@code wait}. */
        @SuppressWarnings("unchecked")
        public Next<T> next(Duration wait) throws InterruptedException {
            Object o = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (o == null) {
                return ended != null ? new Ended<>(ended) : new Idle<>();
            }
            if (o instanceof Ended<?> end) {
                return (Ended<T>) end;
            }
            return new Message<>((T) o);
        }

        private boolean offer(T value) {
            return ended == null && queue.remainingCapacity() > 1 && queue.offer(value);
        }

        private void end(String reason) {
            if (ended == null) {
                ended = reason;
                queue.clear();
                queue.offer(new Ended<T>(reason));
            }
        }

        /** Stops listening (the client went away). */
        @Override
        public void close() {
            owner.listeners.remove(this);
            end("closed");
        }
    }

    /** A new listener, or empty when {@code maxListeners} are listening already or the broadcast is closed. */
    public synchronized Optional<Listener<T>> listen() {
        if (closed || listeners.size() >= maxListeners) {
            return Optional.empty();
        }
        Listener<T> l = new Listener<>(this, backlog);
        listeners.add(l);
        return Optional.of(l);
    }

    /** Offers {@code value} to every listener; one whose queue is full is dropped. */
    public void publish(T value) {
        for (Listener<T> l : listeners) {
            if (!l.offer(value)) {
                listeners.remove(l);
                l.end("too far behind");
            }
        }
    }

    public int listeners() {
        return listeners.size();
    }

    /** Ends every stream; no new listener is accepted. */
    public synchronized void close() {
        closed = true;
        for (Listener<T> l : listeners) {
            listeners.remove(l);
            l.end("server stopping");
        }
    }
}
