package io.newsflow.runtime;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The tests' one way to wait: ask for the condition until it holds or the deadline passes, never for a fixed time.
 * A short pause between asks leaves the two cores to the stages being waited on.
 */
public final class Await {
    private static final Duration BETWEEN_ASKS = Duration.ofMillis(50);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code deadline}. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline.toSeconds() + " s waiting for: " + what);
            }
            LockSupport.parkNanos(BETWEEN_ASKS.toNanos());
        }
    }
}
