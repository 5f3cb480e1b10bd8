package io.newsflow.ingest;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a long ingest run and their report: items/s since the last report, published, duplicates, errors.
 * On a terminal it is one line rewritten in place ({@code \r}); otherwise (logs, pipes) a plain line each report.
 * Other messages go through {@link #message} so they never end up glued to the progress line.
 */
public final class IngestProgress {
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private long lastMillis;
    private long lastItems;
    private boolean lineOpen;

    public IngestProgress(PrintStream out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.lastMillis = clock.millis();
    }

    /** Counts only, no output (tests, library use). */
    public static IngestProgress silent() {
        return new IngestProgress(null, false, Clock.systemUTC());
    }

    public void published(long n) {
        published.addAndGet(n);
    }

    public void duplicates(long n) {
        duplicates.addAndGet(n);
    }

    public void errors(long n) {
        errors.addAndGet(n);
    }

    public long published() {
        return published.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long errors() {
        return errors.get();
    }

    /** The current line, e.g. {@code ingest: 12.5 items/s, published 120, duplicates 4, errors 1}. */
    public synchronized String line() {
        long now = clock.millis();
        long items = published.get() + duplicates.get() + errors.get();
        double rate = now > lastMillis ? (items - lastItems) * 1000.0 / (now - lastMillis) : 0.0;
        lastMillis = now;
        lastItems = items;
        return String.format(Locale.ROOT, "ingest: %.1f items/s, published %d, duplicates %d, errors %d", rate,
                published.get(), duplicates.get(), errors.get());
    }

    /** Prints the progress: rewrites the line on a terminal, a new line otherwise. */
    public synchronized void report() {
        if (out == null) {
            return;
        }
        String line = line();
        if (terminal) {
            // Pad so a shorter line fully covers the longer one before it.
            out.print("\r" + line + "   ");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** A message on its own line (an error, a rejected item), not mixed into the progress line. */
    public synchronized void message(String text) {
        if (out == null) {
            return;
        }
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.println(text);
        out.flush();
    }

    /** Ends the progress line (at exit), so the shell prompt starts on a fresh line. */
    public synchronized void finish() {
        if (out == null) {
            return;
        }
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    public static Duration defaultEvery(boolean terminal) {
        return terminal ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
    }
}
