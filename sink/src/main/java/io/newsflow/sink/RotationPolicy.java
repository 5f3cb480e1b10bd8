package io.newsflow.sink;

import java.time.Duration;
import java.time.Instant;

/**
 * When the sink closes a partition's current set of files: after {@code maxRecords} records, before a record whose
 * event time falls in another {@code eventTimeBucket} than the first record's (both decided by the data alone, so a
 * replay after a crash cuts the same files), or once the oldest buffered record has waited {@code maxWait}, which
 * bounds latency on a quiet feed. Files are named by their first offset, so even a cut made by the clock is
 * replaced, not duplicated, on replay.
 */
public record RotationPolicy(int maxRecords, Duration eventTimeBucket, Duration maxWait) {
    public static final RotationPolicy DEFAULTS = new RotationPolicy(10_000, Duration.ofDays(1), Duration.ofSeconds(5));

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

    /** True when a record of this event time may not join a segment that began with {@code firstEventTime}. */
    public boolean rotateBefore(Instant firstEventTime, Instant eventTime) {
        return bucket(firstEventTime) != bucket(eventTime);
    }

    public boolean full(int records) {
        return records >= maxRecords;
    }

    public boolean expired(long openedAtMs, long nowMs) {
        return nowMs - openedAtMs >= maxWait.toMillis();
    }
}
