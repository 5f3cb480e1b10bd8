package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An article with its entities and topic labels, as published to {@code news.enriched} and the per-label topics
 * (schema version 1). It repeats every {@link Article} field so that a subscriber needs one topic only
 * ({@code guid} and {@code published_at_source} included, omitted from JSON when null).
 *
 * <p>{@code language} is the language the enricher resolved: the one the article declared, else the detected one,
 * else null (unknown). Added within v1, omitted from JSON when null, so events written before read back with them
 * null: {@code languageSource} ({@value #DECLARED} or {@value #DETECTED}; null when the language is unknown),
 * {@code entityModel} (the entity model that ran, or {@value #NONE}: no model for the language, so no entities)
 * and {@code topicModel} (the topic model that scored the labels, or {@value #NONE}: not scored, so
 * {@code topics} and {@code labels} are empty, which says nothing about the article's subject).
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String publishedAtSource,
        @JsonInclude(JsonInclude.Include.NON_NULL) String languageSource,
        @JsonInclude(JsonInclude.Include.NON_NULL) String entityModel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String topicModel) {

    public static final int SCHEMA_VERSION = 1;
    /** {@code language_source}: the article declared its language (JSON field, feed). */
    public static final String DECLARED = "declared";
    /** {@code language_source}: the enricher detected the language from the text. */
    public static final String DETECTED = "detected";
    /** {@code entity_model} or {@code topic_model}: no model ran. */
    public static final String NONE = "none";

    /** As before the language fields were added: languageSource, entityModel and topicModel null. */
    public EnrichedArticle(int schemaVersion, String id, String source, String url, String title, String body,
                           String caption, Instant publishedAt, Instant ingestedAt, String language,
                           List<Entity> entities, List<TopicScore> topics, List<String> labels,
                           String enricherVersion, Instant enrichedAt, String guid, String publishedAtSource) {
        this(schemaVersion, id, source, url, title, body, caption, publishedAt, ingestedAt, language, entities, topics,
                labels, enricherVersion, enrichedAt, guid, publishedAtSource, null, null, null);
    }

    /** Without feed provenance ({@code guid} and {@code publishedAtSource} null), as before they were added. */
    public EnrichedArticle(int schemaVersion, String id, String source, String url, String title, String body,
                           String caption, Instant publishedAt, Instant ingestedAt, String language,
                           List<Entity> entities, List<TopicScore> topics, List<String> labels,
                           String enricherVersion, Instant enrichedAt) {
        this(schemaVersion, id, source, url, title, body, caption, publishedAt, ingestedAt, language, entities, topics,
                labels, enricherVersion, enrichedAt, null, null, null, null, null);
    }

    public EnrichedArticle {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
        if (languageSource != null && !languageSource.equals(DECLARED) && !languageSource.equals(DETECTED)) {
            throw new IllegalArgumentException("language_source must be '" + DECLARED + "' or '" + DETECTED + "': "
                    + languageSource);
        }
    }

    /** The article as it is, without the language fields (as before they were added). */
    public static EnrichedArticle of(Article a, List<Entity> entities, List<TopicScore> topics, List<String> labels,
                                     String enricherVersion, Instant enrichedAt) {
        return of(a, a.language(), null, entities, null, topics, labels, null, enricherVersion, enrichedAt);
    }

    /**
     * The article with the language the enricher resolved ({@code language}, from {@code languageSource}), the
     * entities of {@code entityModel} and the topic scores of {@code topicModel} ({@value #NONE} when no model ran).
     */
    public static EnrichedArticle of(Article a, String language, String languageSource, List<Entity> entities,
                                     String entityModel, List<TopicScore> topics, List<String> labels,
                                     String topicModel, String enricherVersion, Instant enrichedAt) {
        return new EnrichedArticle(SCHEMA_VERSION, a.id(), a.source(), a.url(), a.title(), a.body(), a.caption(),
                a.publishedAt(), a.ingestedAt(), language, entities, topics, labels, enricherVersion, enrichedAt,
                a.guid(), a.publishedAtSource(), languageSource, entityModel, topicModel);
    }

    /** Whether the topic labels were scored: false when {@code topic_model} is {@value #NONE}. */
    public boolean topicsScored() {
        return !NONE.equals(topicModel);
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
