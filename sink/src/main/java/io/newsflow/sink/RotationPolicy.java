package io.newsflow.sink;

import java.time.Duration;
import java.time.Instant;

/**
 * How the sink cuts files. A partition's segment closes after {@code maxRecords} records, or once its oldest record
 * has waited {@code maxWait} (which bounds latency on a quiet feed); within a segment, records of different
 * {@code eventTimeBucket}s go to different files. Files are named by their first offset, so a replay after a crash
 * rewrites the same names and a file is replaced, never duplicated, even where the clock made the cut.
 */
public record RotationPolicy(int maxRecords, Duration eventTimeBucket, Duration maxWait) {
    public static final RotationPolicy DEFAULTS = new RotationPolicy(10_000, Duration.ofDays(1), Duration.ofSeconds(5));
    /** The defaults with files out within 200 ms: for runs someone waits on (the demo, a replay, tests). */
    public static final RotationPolicy INTERACTIVE = new RotationPolicy(DEFAULTS.maxRecords(),
            DEFAULTS.eventTimeBucket(), Duration.ofMillis(200));

    public RotationPolicy {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("rotation record count must be at least 1: " + maxRecords);
        }
        if (eventTimeBucket.isZero() || eventTimeBucket.isNegative()) {
            throw new IllegalArgumentException("event-time bucket must be positive: " + eventTimeBucket);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("max wait must not be negative: " + maxWait);
        }
    }

    public long bucket(Instant eventTime) {
        return Math.floorDiv(eventTime.toEpochMilli(), eventTimeBucket.toMillis());
    }

    public boolean full(int records) {
        return records >= maxRecords;
    }

    public boolean expired(long openedAtMs, long nowMs) {
        return nowMs - openedAtMs >= maxWait.toMillis();
    }
}
