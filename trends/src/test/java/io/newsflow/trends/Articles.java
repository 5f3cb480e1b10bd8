package io.newsflow.trends;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Valid enriched articles for the tests: the title names each entity, so every mention span is real. */
final class Articles {
    /** An entity to put in an article: name, type, Wikidata id (or null), country (or null). */
    record E(String name, EntityType type, String wikidata, String country) {
    }

    static final E MADURO = new E("Nicolás Maduro", EntityType.PERSON, "Q57413", "VE");
    static final E MERZ = new E("Friedrich Merz", EntityType.PERSON, "Q58012", "DE");
    static final E OPEC = new E("OPEC", EntityType.ORGANIZATION, null, null);
    static final E CARACAS = new E("Caracas", EntityType.LOCATION, "Q1533", "VE");

    private Articles() {
    }

    static EnrichedArticle article(String id, Instant published, List<String> labels, E... entities) {
        return article(id, published, published == null ? Instant.parse("2025-09-19T12:00:00Z") : published, labels,
                entities);
    }

    static EnrichedArticle article(String id, Instant published, Instant ingested, List<String> labels,
                                   E... entities) {
        StringBuilder title = new StringBuilder();
        List<Entity> list = new ArrayList<>();
        for (E e : entities) {
            if (!title.isEmpty()) {
                title.append(" and ");
            }
            int start = title.length();
            title.append(e.name());
            list.add(new Entity(e.name(), e.type(), List.of(new Mention(TextField.TITLE, start, title.length())),
                    e.country(), e.wikidata()));
        }
        if (title.isEmpty()) {
            title.append("Nothing named");
        }
        return new EnrichedArticle(1, id, "test", null, title.toString(), "Body of " + id + ".", null, published,
                ingested, "en", list, List.of(), labels, "test-1", ingested);
    }
}
