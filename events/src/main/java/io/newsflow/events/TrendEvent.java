package io.newsflow.events;

import java.time.Instant;
import java.util.Set;

/**
 * One closed trend window of one key, as published to {@code news.trends} (schema version 1,
 * {@code schemas/trend-v1.schema.json}): how many articles of the window name the entity, carry the label or
 * mention the country, and the spike score of that count against the key's previous 24 windows. Written once per
 * key and window, when the window closes (emit-final), so a reader never sees a partial count.
 */
public record TrendEvent(
        int schemaVersion,
        String id,
        String type,
        String name,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long count,
        double spike,
        double baselineMean,
        double baselineSd) {

    public static final int SCHEMA_VERSION = 1;
    /** The kinds of key: the four entity types, then topic labels and countries. */
    public static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC", "LABEL", "COUNTRY");
    /** The window names, as in the query API. */
    public static final Set<String> WINDOWS = Set.of("15m", "1h", "24h");

    /** The reading rules: known version, type and window, an id, a window that ends after it starts, count > 0. */
    public static TrendEvent validate(TrendEvent t) {
        if (t == null) {
            throw new InvalidEventException("null trend event");
        }
        if (t.schemaVersion() != SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schema_version " + t.schemaVersion());
        }
        if (t.id() == null || t.id().isBlank()) {
            throw new InvalidEventException("missing or empty field 'id'");
        }
        if (!TYPES.contains(t.type())) {
            throw new InvalidEventException("unknown type '" + t.type() + "'");
        }
        if (!WINDOWS.contains(t.window())) {
            throw new InvalidEventException("unknown window '" + t.window() + "'");
        }
        if (t.windowStart() == null || t.windowEnd() == null || !t.windowEnd().isAfter(t.windowStart())) {
            throw new InvalidEventException("window_end must come after window_start");
        }
        if (t.count() < 1) {
            throw new InvalidEventException("count must be at least 1: " + t.count());
        }
        return t;
    }
}
