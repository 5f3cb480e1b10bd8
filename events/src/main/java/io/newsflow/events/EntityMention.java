package io.newsflow.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entity of one article, as published to {@code news.mentions} under the entity's stable id (schema version 1,
 * {@code schemas/entity-mention-v1.schema.json}), so a service can follow one person, organisation or place with
 * a plain consumer. {@code country}, {@code wikidata} and {@code published_at} are null when unknown.
 */
public record EntityMention(
        int schemaVersion,
        String entityId,
        String articleId,
        String entity,
        EntityType type,
        String country,
        String wikidata,
        List<String> labels,
        Instant publishedAt,
        String title) {

    public static final int SCHEMA_VERSION = 1;

    public EntityMention {
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** One mention record per distinct stable id among the event's entities, in the event's entity order. */
    public static List<EntityMention> of(EnrichedArticle event) {
        return of(event.id(), event.entities(), event.labels(), event.publishedAt(), event.title());
    }

    /** As above, from the parts of an event a reader kept (the sink reads no more than these). */
    public static List<EntityMention> of(String articleId, List<Entity> entities, List<String> labels,
                                         Instant publishedAt, String title) {
        List<EntityMention> out = new ArrayList<>(entities.size());
        Set<String> seen = new LinkedHashSet<>();
        for (Entity e : entities) {
            String id = EntityIds.stableId(e);
            // Two entities of one article can share a Wikidata id; subscribers want one record per key and article.
            if (seen.add(id)) {
                out.add(new EntityMention(SCHEMA_VERSION, id, articleId, e.name(), e.type(), e.country(),
                        e.wikidata(), labels, publishedAt, title));
            }
        }
        return out;
    }

    /** The reading rules: known version, ids and names present, a type and a label list. */
    public static EntityMention validate(EntityMention m) {
        if (m == null) {
            throw new InvalidEventException("null entity mention");
        }
        if (m.schemaVersion() != SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schema_version " + m.schemaVersion());
        }
        for (String[] f : new String[][]{{m.entityId(), "entity_id"}, {m.articleId(), "article_id"},
                {m.entity(), "entity"}}) {
            if (f[0] == null || f[0].isBlank()) {
                throw new InvalidEventException("missing or empty field '" + f[1] + "'");
            }
        }
        if (m.type() == null || m.labels() == null) {
            throw new InvalidEventException("missing field '" + (m.type() == null ? "type" : "labels") + "'");
        }
        return m;
    }
}
