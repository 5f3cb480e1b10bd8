package io.newsflow.sink;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.TopicScore;
import java.time.Instant;
import java.util.List;

/** Hand-built enriched events for sink tests. */
final class Events {
    private Events() {
    }

    static EnrichedArticle event(String id, Instant published, List<String> labels) {
        return event(id, published, labels, List.of());
    }

    static EnrichedArticle event(String id, Instant published, List<String> labels, List<Entity> entities) {
        return new EnrichedArticle(1, id, "Wire", null, "Title " + id, "Body " + id, null, published,
                Instant.parse("2025-01-01T00:00:00Z"), "en", entities,
                List.of(new TopicScore("diplomacy", labels.contains("diplomacy") ? 0.9 : 0.1, List.of())),
                labels, "test", Instant.parse("2025-01-01T00:00:01Z"));
    }
}
