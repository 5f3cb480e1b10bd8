package io.newsflow.trends;

import io.newsflow.events.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;

/**
 * The time an article is counted at: its publish time, else its ingest time. A publish time more than
 * {@link #MAX_AHEAD} after the ingest time is a feed's error (a wrong zone, a placeholder year): taken as is, it would
 * push stream time ahead and close every window of the real present, so the ingest time is used instead.
 */
public final class PublishTime {
    public static final Duration MAX_AHEAD = Duration.ofHours(1);

    private PublishTime() {
    }

    /** Epoch milliseconds; {@code fallback} when the article has neither time. */
    public static long of(EnrichedArticle a, long fallback) {
        Instant ingested = a.ingestedAt();
        Instant published = a.publishedAt();
        if (published != null && (ingested == null || !published.isAfter(ingested.plus(MAX_AHEAD)))) {
            return published.toEpochMilli();
        }
        return ingested != null ? ingested.toEpochMilli() : fallback;
    }
}
