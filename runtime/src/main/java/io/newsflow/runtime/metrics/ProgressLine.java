package io.newsflow.runtime.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The line a stage logs every {@link #EVERY}: articles read per second over the interval since the previous line,
 * the totals, the dead letters and the consumer lag, so a log alone shows whether a stage keeps up.
 */
public final class ProgressLine {
    /** How often a stage logs its line. */
    public static final Duration EVERY = Duration.ofSeconds(30);

    /**
     * A stage's counts at one moment; {@code lag} is empty while the stage does not know it yet. A {@code source}
     * (continuous ingest) reads no topic, so it has no lag, and what it cannot publish is rejected, not dead-lettered.
     */
    public record Totals(long in, long out, long deadLetters, OptionalLong lag, boolean source) {
        public Totals(long in, long out, long deadLetters, OptionalLong lag) {
            this(in, out, deadLetters, lag, false);
        }
    }

    private final String stage;
    private final Clock clock;
    private long lastMillis;
    private long lastIn;

    public ProgressLine(String stage, Clock clock) {
        this.stage = stage;
        this.clock = clock;
        this.lastMillis = clock.millis();
    }

    /**
     * E.g. {@code enrich: 12.5 articles/s over 30 s, in 1200, out 1195, dead letters 5, lag 40}; the interval
     * starts at the previous call (or at construction).
     */
    public synchronized String next(Totals totals) {
        long now = clock.millis();
        long elapsed = now - lastMillis;
        double rate = elapsed > 0 ? (totals.in() - lastIn) * 1000.0 / elapsed : 0.0;
        lastMillis = now;
        lastIn = totals.in();
        String head = String.format(Locale.ROOT, "%s: %.1f articles/s over %d s, in %d, out %d, ", stage, rate,
                Math.round(elapsed / 1000.0), totals.in(), totals.out());
        if (totals.source()) {
            return head + "rejected " + totals.deadLetters();
        }
        return head + "dead letters " + totals.deadLetters() + ", lag "
                + (totals.lag().isPresent() ? Long.toString(totals.lag().getAsLong()) : "unknown");
    }
}
