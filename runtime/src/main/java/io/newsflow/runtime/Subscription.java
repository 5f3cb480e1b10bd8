package io.newsflow.runtime;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityIds;
import io.newsflow.events.EntityMention;
import io.newsflow.events.EventValidation;
import io.newsflow.events.Topics;
import java.util.Locale;

/**
 * What {@code newsflow subscribe} follows and which topic it reads: a label topic, {@code news.mentions} filtered
 * to one entity (by stable id, Wikidata id, or its canonical name compared case- and accent-blind), or a country
 * topic (else {@code news.enriched} filtered by the entities' {@code country}). No Kafka types: unit-tested alone.
 */
public record Subscription(Kind kind, String value) {
    /** The three things a subscriber can follow. */
    public enum Kind { LABEL, ENTITY, COUNTRY }

    public static Subscription label(String label) {
        return new Subscription(Kind.LABEL, EventValidation.requireLabel(label));
    }

    public static Subscription entity(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw new IllegalArgumentException("--entity needs a name or an id");
        }
        return new Subscription(Kind.ENTITY, nameOrId.strip());
    }

    /** The code is upper-cased, then must be ISO 3166-1 alpha-2. */
    public static Subscription country(String code) {
        return new Subscription(Kind.COUNTRY, Topics.requireCountry(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The topic to read; for a country, {@code countryTopicExists} says whether country routing created it. */
    public String topic(Topics topics, boolean countryTopicExists) {
        return switch (kind) {
            case LABEL -> topics.labelTopic(value);
            case ENTITY -> topics.mentions();
            case COUNTRY -> countryTopicExists ? topics.countryTopic(value) : topics.enriched();
        };
    }

    /** A {@code news.mentions} record is this entity: same key, same Wikidata id, or the same folded name. */
    public boolean matches(EntityMention m) {
        return value.equalsIgnoreCase(m.entityId())
                || (m.wikidata() != null && value.equalsIgnoreCase(m.wikidata()))
                || value.equalsIgnoreCase(EntityIds.slugId(m.type(), m.entity()))
                || (!EntityIds.fold(value).isEmpty() && EntityIds.fold(value).equals(EntityIds.fold(m.entity())));
    }

    /** An enriched event is in this country: one of its entities has that {@code country}. */
    public boolean matches(EnrichedArticle event) {
        for (Entity e : event.entities()) {
            if (value.equals(e.country())) {
                return true;
            }
        }
        return false;
    }
}
