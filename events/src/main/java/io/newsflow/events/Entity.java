package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named entity of an article under its canonical name, with every place the article mentions it. {@code country}
 * (ISO 3166-1 alpha-2) and {@code wikidata} (a Q-id) are set only when a gazetteer links the entity; absent fields
 * are left out of the JSON, so version 1 readers see an additive change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(String name, EntityType type, List<Mention> mentions, String country, String wikidata) {
    public Entity {
        mentions = List.copyOf(mentions);
    }

    /** An entity no gazetteer links. */
    public Entity(String name, EntityType type, List<Mention> mentions) {
        this(name, type, mentions, null, null);
    }
}
