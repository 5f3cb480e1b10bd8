package io.newsflow.runtime.http;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityIds;
import io.newsflow.events.EntityType;
import io.newsflow.events.TopicScore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the live page shows of one enriched event: its labels with their scores and its five most mentioned named
 * entities (MISC left out, as in the demo's summary), each under the stable id the trends API uses.
 */
public record EventSummary(String id, String title, Instant published, Instant enrichedAt, List<Label> labels,
                           List<EntityRef> entities) {
    /** How many entities a summary keeps. */
    public static final int TOP_ENTITIES = 5;

    /** A label the article carries and the classifier's score for it (0 when the event has no score for it). */
    public record Label(String label, double score) {
    }

    /** An entity as the page links it to the trends API. */
    public record EntityRef(String id, String name, String type) {
    }

    public static EventSummary of(EnrichedArticle e) {
        List<Label> labels = e.labels().stream()
                .map(l -> new Label(l, e.topics().stream().filter(t -> t.label().equals(l))
                        .mapToDouble(TopicScore::score).findFirst().orElse(0.0)))
                .toList();
        // Most mentions first; ties by name so the order does not depend on the extractor's.
        List<EntityRef> entities = e.entities().stream()
                .filter(x -> x.type() != EntityType.MISC)
                .sorted(Comparator.comparingInt((Entity x) -> -x.mentions().size()).thenComparing(Entity::name))
                .limit(TOP_ENTITIES)
                .map(x -> new EntityRef(EntityIds.stableId(x), x.name(), x.type().name()))
                .toList();
        return new EventSummary(e.id(), e.title(), e.eventTime(), e.enrichedAt(), labels, entities);
    }
}
