package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.cli.EventLines;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityMention;
import io.newsflow.events.EntityType;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Json;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure half of {@code newsflow subscribe}: which topic, which records match, and how a line looks. */
class SubscriptionTest {
    static List<Mention> times(int n) {
        return java.util.Collections.nCopies(n, new Mention(TextField.BODY, 0, 1));
    }

    static final Entity MADURO = new Entity("Nicolás Maduro", EntityType.PERSON, times(3), "VE", "Q57413");
    static final Entity MOSCOW = new Entity("Moscow", EntityType.LOCATION, times(1), "RU", null);
    static final Entity PUTIN = new Entity("Vladimir Putin", EntityType.PERSON, times(2), "RU", null);

    static EnrichedArticle event(List<Entity> entities, Instant published) {
        Article a = new Article(1, "id1", "Wire", null, "Pact  signed\nin Moscow", "Body", null, published,
                Instant.parse("2025-05-08T00:00:00Z"), "en");
        return EnrichedArticle.of(a, entities, List.of(), List.of("diplomacy", "military"), "t",
                Instant.parse("2025-05-08T00:00:01Z"));
    }

    @Test
    void eachSubscriptionReadsItsTopic() {
        Topics t = Topics.DEFAULTS;
        assertEquals("news.topic.diplomacy", Subscription.label("diplomacy").topic(t, false));
        assertEquals("news.mentions", Subscription.entity("Maduro").topic(t, false));
        assertEquals("news.country.VE", Subscription.country("ve").topic(t, true));
        assertEquals("news.enriched", Subscription.country("VE").topic(t, false), "no country topic: filter");
        assertThrows(InvalidEventException.class, () -> Subscription.label("../x"));
        assertThrows(InvalidEventException.class, () -> Subscription.country("VEN"));
        assertThrows(IllegalArgumentException.class, () -> Subscription.entity(" "));
    }

    @Test
    void anEntityMatchesByIdWikidataOrFoldedName() {
        List<EntityMention> ms = EntityMention.of(event(List.of(MADURO, PUTIN), null));
        EntityMention maduro = ms.get(0);
        EntityMention putin = ms.get(1);
        for (String q : List.of("Q57413", "q57413", "nicolas maduro", "NICOLÁS MADURO", "person:nicolas-maduro")) {
            assertTrue(Subscription.entity(q).matches(maduro), q);
            assertFalse(Subscription.entity(q).matches(putin), q);
        }
        assertTrue(Subscription.entity("person:vladimir-putin").matches(putin));
        assertFalse(Subscription.entity("Maduro").matches(maduro), "a surname alone is not the canonical name");
        assertFalse(Subscription.entity("null").matches(putin), "an absent wikidata id never matches");
    }

    @Test
    void aCountryMatchesWhenAnEntityHasIt() {
        assertTrue(Subscription.country("ru").matches(event(List.of(MADURO, MOSCOW), null)));
        assertFalse(Subscription.country("FR").matches(event(List.of(MADURO, MOSCOW), null)));
    }

    @Test
    void prettyLinesGiveTimeLabelsTitleAndTopEntities() {
        Instant t = Instant.parse("2025-05-07T10:00:00Z");
        assertEquals("2025-05-07T10:00:00Z [diplomacy,military] Pact signed in Moscow — Nicolás Maduro, "
                + "Vladimir Putin, Moscow", EventLines.pretty(event(List.of(MOSCOW, MADURO, PUTIN), t)));
        List<Entity> many = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.add(new Entity("E" + i, EntityType.MISC, times(1)));
        }
        assertEquals("2025-05-08T00:00:00Z [diplomacy,military] Pact signed in Moscow — E0, E1, E2, E3, E4, …",
                EventLines.pretty(event(many, null)), "no publication time: ingestion time; at most 5 names");
        assertEquals("2025-05-07T10:00:00Z [diplomacy,military] Pact signed in Moscow — Nicolás Maduro (PERSON, VE) "
                + "in id1", EventLines.pretty(EntityMention.of(event(List.of(MADURO), t)).get(0)));
    }

    @Test
    void jsonLinesAreOneLineEach() throws Exception {
        byte[] compact = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"a\":1}", EventLines.json(compact));
        String folded = EventLines.json("{\n  \"a\" : \"x\\ny\"\n}".getBytes(StandardCharsets.UTF_8));
        assertFalse(folded.contains("\n"));
        assertEquals("x\ny", Json.MAPPER.readTree(folded).get("a").asText());
    }
}
