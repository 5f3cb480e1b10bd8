package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An article with its entities and topic labels, as published to {@code news.enriched} and the per-label topics
 * (schema version 1). It repeats every {@link Article} field so that a subscriber needs one topic only
 * ({@code guid} and {@code published_at_source} included, omitted from JSON when null).
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        String source,
        String url,
        String title,
        String body,
        String caption,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        List<Entity> entities,
        List<TopicScore> topics,
        List<String> labels,
        String enricherVersion,
        Instant enrichedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String guid,
        @JsonInclude(JsonInclude.Include.NON_NULL) String publishedAtSource) {

    public static final int SCHEMA_VERSION = 1;

    /** Without feed provenance ({@code guid} and {@code publishedAtSource} null), as before they were added. */
    public EnrichedArticle(int schemaVersion, String id, String source, String url, String title, String body,
                           String caption, Instant publishedAt, Instant ingestedAt, String language,
                           List<Entity> entities, List<TopicScore> topics, List<String> labels,
                           String enricherVersion, Instant enrichedAt) {
        this(schemaVersion, id, source, url, title, body, caption, publishedAt, ingestedAt, language, entities, topics,
                labels, enricherVersion, enrichedAt, null, null);
    }

    public EnrichedArticle {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
    }

    public static EnrichedArticle of(Article a, List<Entity> entities, List<TopicScore> topics, List<String> labels,
                                     String enricherVersion, Instant enrichedAt) {
        return new EnrichedArticle(SCHEMA_VERSION, a.id(), a.source(), a.url(), a.title(), a.body(), a.caption(),
                a.publishedAt(), a.ingestedAt(), a.language(), entities, topics, labels, enricherVersion, enrichedAt,
                a.guid(), a.publishedAtSource());
    }

    /** The article this was enriched from, e.g. to resolve mention offsets. */
    public Article article() {
        return new Article(Article.SCHEMA_VERSION, id, source, url, title, body, caption, publishedAt, ingestedAt,
                language, guid, publishedAtSource);
    }

    /** The time that decides which date partition an event is filed under: publication, else ingestion. */
    public Instant eventTime() {
        return publishedAt != null ? publishedAt : ingestedAt;
    }
}
