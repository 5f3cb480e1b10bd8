package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named entity of an article under its canonical name, with every place the article mentions it. {@code country}
 * (ISO 3166-1 alpha-2), {@code wikidata} (a Q-id) and, for places, {@code lat}/{@code lon} (WGS84 degrees) are set
 * only when the linker resolves the entity; absent fields are left out of the JSON, so version 1 readers see an
 * additive change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(String name, EntityType type, List<Mention> mentions, String country, String wikidata,
                     Double lat, Double lon) {
    public Entity {
        mentions = List.copyOf(mentions);
    }

    /** An entity with no place on the map. */
    public Entity(String name, EntityType type, List<Mention> mentions, String country, String wikidata) {
        this(name, type, mentions, country, wikidata, null, null);
    }

    /** An entity no gazetteer links. */
    public Entity(String name, EntityType type, List<Mention> mentions) {
        this(name, type, mentions, null, null);
    }
}
