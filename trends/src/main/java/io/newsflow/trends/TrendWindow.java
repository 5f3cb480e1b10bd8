package io.newsflow.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The three trend windows on publish time: 15 minutes tumbling, 1 hour hopping by 15 minutes and 24 hours hopping
 * by 1 hour. A key's history ({@link #seriesStarts}) steps by the window's size, so its 24 points never overlap.
 */
public enum TrendWindow {
    M15("15m", Duration.ofMinutes(15), Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1), Duration.ofMinutes(15)),
    D24("24h", Duration.ofHours(24), Duration.ofHours(1));

    /** How many past windows a key's series and spike baseline cover. */
    public static final int HISTORY = 24;

    private final String label;
    private final Duration size;
    private final Duration advance;

    TrendWindow(String label, Duration size, Duration advance) {
        this.label = label;
        this.size = size;
        this.advance = advance;
    }

    public String label() {
        return label;
    }

    public Duration size() {
        return size;
    }

    public Duration advance() {
        return advance;
    }

    /** The name of the window's queryable store. */
    public String storeName() {
        return "trends-" + label;
    }

    /** "15m", "1h" or "24h" (case-blind); an IllegalArgumentException lists them otherwise. */
    public static TrendWindow parse(String text) {
        for (TrendWindow w : values()) {
            if (w.label.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("window must be 15m, 1h or 24h, got '" + text + "'");
    }

    /**
     * The window a reader means by "now" at {@code asOf}: of the windows that hold {@code asOf}, the one that ends
     * first (for tumbling windows, the only one). A later-ending hopping window would mostly lie in the future.
     */
    public long currentStart(long asOfMs) {
        long a = advance.toMillis();
        return Math.floorDiv(asOfMs, a) * a + a - size.toMillis();
    }

    /** The end of the last window holding {@code timeMs}: a record at that time is late for every window of this
     * size once stream time reaches this end plus the grace. */
    public long lastEnd(long timeMs) {
        long a = advance.toMillis();
        return Math.floorDiv(timeMs, a) * a + size.toMillis();
    }

    public Instant currentStart(Instant asOf) {
        return Instant.ofEpochMilli(currentStart(asOf.toEpochMilli()));
    }

    /** The starts of the {@code n} windows ending with the one at {@code currentStart}, oldest first, a size apart. */
    public long[] seriesStarts(long currentStart, int n) {
        long[] starts = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = currentStart - (long) (n - 1 - i) * size.toMillis();
        }
        return starts;
    }

    /**
     * How long the store keeps a window: the current one, its {@link #HISTORY} predecessors a size apart, and the
     * grace during which the current one may still grow.
     */
    public Duration retention(Duration grace) {
        return size.multipliedBy(HISTORY + 1L).plus(grace);
    }
}
