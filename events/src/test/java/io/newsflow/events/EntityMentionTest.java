package io.newsflow.events;

import static io.newsflow.events.SchemaAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The news.mentions contract: stable ids, one record per entity, and JSON that matches the shipped schema. */
class EntityMentionTest {
    static final List<Mention> AT0 = List.of(new Mention(TextField.BODY, 0, 4));

    static EnrichedArticle event(List<Entity> entities) {
        Article a = new Article(1, "abc123", "Wire", null, "Pact signed", "Body text.", null,
                Instant.parse("2025-05-07T10:00:00Z"), Instant.parse("2025-05-08T00:00:01Z"), "en");
        return EnrichedArticle.of(a, entities, List.of(new TopicScore("diplomacy", 0.9, List.of())),
                List.of("diplomacy"), "test", Instant.parse("2025-05-08T00:00:02Z"));
    }

    @Test
    void stableIdIsTheWikidataIdElseTypeAndFoldedName() {
        assertEquals("Q57413", EntityIds.stableId(new Entity("Nicolás Maduro", EntityType.PERSON, AT0, "VE", "Q57413")));
        assertEquals("person:nicolas-maduro", EntityIds.stableId(new Entity("Nicolás Maduro", EntityType.PERSON, AT0)));
        assertEquals("organization:at-t-inc", EntityIds.stableId(new Entity("  AT&T, Inc. ", EntityType.ORGANIZATION, AT0)));
        assertEquals("location:sao-tome-and-principe",
                EntityIds.stableId(new Entity("São Tomé and Príncipe", EntityType.LOCATION, AT0, "ST", null)));
        assertEquals("person:владимир-путин", EntityIds.stableId(new Entity("Владимир Путин", EntityType.PERSON, AT0)),
                "letters of other scripts are kept, lower-cased");
        assertEquals("misc:fifa-2026", EntityIds.slugId(EntityType.MISC, "ＦＩＦＡ\u00a02026"), "NFKD folds width forms");
        assertTrue(EntityIds.slugId(EntityType.MISC, "!!!").startsWith("misc:h"), "no letters: a hash, never empty");
        assertEquals("person:ada", EntityIds.stableId(new Entity("Ada", EntityType.PERSON, AT0, null, "not-a-qid")),
                "a malformed wikidata id is not used as a key");
        // Deterministic: the same entity always gives the same key.
        assertEquals(EntityIds.slugId(EntityType.PERSON, "Élysée"), EntityIds.slugId(EntityType.PERSON, "Élysée"));
    }

    @Test
    void oneMentionPerDistinctEntityMatchingTheSchema() throws Exception {
        EnrichedArticle e = event(List.of(
                new Entity("Nicolás Maduro", EntityType.PERSON, AT0, "VE", "Q57413"),
                new Entity("Maduro", EntityType.PERSON, AT0, "VE", "Q57413"),
                new Entity("Acme", EntityType.ORGANIZATION, AT0)));
        List<EntityMention> mentions = EntityMention.of(e);
        assertEquals(List.of("Q57413", "organization:acme"), mentions.stream().map(EntityMention::entityId).toList());
        for (EntityMention m : mentions) {
            byte[] bytes = Topics.MENTION_SERDE.toBytes(m);
            assertValid(SchemaAssertions.MENTION, bytes);
            assertEquals(m, Topics.MENTION_SERDE.fromBytes(bytes));
        }
        JsonNode acme = Json.MAPPER.readTree(Topics.MENTION_SERDE.toBytes(mentions.get(1)));
        assertEquals(1, acme.get("schema_version").asInt());
        assertEquals("abc123", acme.get("article_id").asText());
        assertEquals("ORGANIZATION", acme.get("type").asText());
        assertTrue(acme.get("country").isNull(), "unknown country is written as null");
        assertEquals("2025-05-07T10:00:00Z", acme.get("published_at").asText());
        assertEquals("Pact signed", acme.get("title").asText());
        assertEquals("diplomacy", acme.get("labels").get(0).asText());
    }

    @Test
    void unreadableMentionsAreRejectedWithAReason() {
        SerializationException e = assertThrows(SerializationException.class, () -> Topics.MENTION_SERDE.fromBytes(
                "{\"schema_version\":2,\"entity_id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("schema_version"), e.getMessage());
        assertFalse(SchemaAssertions.errors(SchemaAssertions.MENTION,
                "{\"schema_version\":1}".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void countryTopicsTakeOnlyIsoAlpha2Codes() {
        assertEquals("news.country.VE", Topics.DEFAULTS.countryTopic("VE"));
        for (String bad : new String[]{"ve", "VEN", "", "../x", "V.", null}) {
            assertThrows(InvalidEventException.class, () -> Topics.DEFAULTS.countryTopic(bad), String.valueOf(bad));
        }
        assertEquals(List.of("news.raw", "news.enriched", "news.dlq", "news.mentions", "news.trends", "news.topic.energy",
                "news.country.FR"), Topics.DEFAULTS.all(List.of("energy"), List.of("FR")));
        assertEquals("m", Topics.from(java.util.Map.of(Topics.MENTIONS_KEY, "m")).mentions());
    }
}
