package io.newsflow.events;

import static io.newsflow.events.SchemaAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SerdeTest {
    static final Article ARTICLE = new Article(1, "abc123", "Wire", null, "Title here", "Body text.", null,
            Instant.parse("2025-05-07T10:00:00Z"), Instant.parse("2025-05-08T00:00:01.5Z"), "en");

    static EnrichedArticle enriched() {
        return EnrichedArticle.of(ARTICLE,
                List.of(new Entity("Body", EntityType.MISC, List.of(new Mention(TextField.BODY, 0, 4)))),
                List.of(new TopicScore("diplomacy", 0.75, List.of("talks")), new TopicScore("energy", 0, List.of())),
                List.of("diplomacy"), "baseline-1", Instant.parse("2025-05-08T00:00:02Z"));
    }

    @Test
    void articleRoundTripsAndMatchesSchema() {
        byte[] bytes = Topics.ARTICLE_SERDE.toBytes(ARTICLE);
        assertValid(SchemaAssertions.ARTICLE, bytes);
        assertEquals(ARTICLE, Topics.ARTICLE_SERDE.fromBytes(bytes));
    }

    @Test
    void wireFormatUsesSnakeCaseAndIsoInstants() throws Exception {
        JsonNode node = Json.MAPPER.readTree(Topics.ARTICLE_SERDE.toBytes(ARTICLE));
        assertEquals(1, node.get("schema_version").asInt());
        assertEquals("2025-05-07T10:00:00Z", node.get("published_at").asText());
        assertEquals("2025-05-08T00:00:01.500Z", node.get("ingested_at").asText());
        assertTrue(node.has("caption") && node.get("caption").isNull(), "nullable fields are written as null");
    }

    @Test
    void enrichedRoundTripsAndMatchesSchema() throws Exception {
        byte[] bytes = Topics.ENRICHED_SERDE.toBytes(enriched());
        assertValid(SchemaAssertions.ENRICHED, bytes);
        assertEquals(enriched(), Topics.ENRICHED_SERDE.fromBytes(bytes));
        JsonNode mention = Json.MAPPER.readTree(bytes).at("/entities/0/mentions/0");
        assertEquals("body", mention.get("field").asText());
    }

    @Test
    void languageFieldsRoundTripAndAreOmittedWhenNull() throws Exception {
        EnrichedArticle french = EnrichedArticle.of(ARTICLE, "fr", EnrichedArticle.DETECTED, List.of(),
                EnrichedArticle.NONE, List.of(), List.of(), EnrichedArticle.NONE, "v", Instant.parse(
                        "2025-05-08T00:00:02Z"));
        byte[] bytes = Topics.ENRICHED_SERDE.toBytes(french);
        assertValid(SchemaAssertions.ENRICHED, bytes);
        JsonNode node = Json.MAPPER.readTree(bytes);
        assertEquals("fr", node.get("language").asText());
        assertEquals("detected", node.get("language_source").asText());
        assertEquals("none", node.get("entity_model").asText());
        assertEquals("none", node.get("topic_model").asText());
        assertEquals(french, Topics.ENRICHED_SERDE.fromBytes(bytes));
        assertFalse(french.topicsScored());

        JsonNode old = Json.MAPPER.readTree(Topics.ENRICHED_SERDE.toBytes(enriched()));
        assertFalse(old.has("language_source") || old.has("entity_model") || old.has("topic_model"),
                "null language fields are omitted, as events were before them");
    }

    @Test
    void anEventWrittenBeforeTheLanguageFieldsStillReads() {
        String json = new String(Topics.ENRICHED_SERDE.toBytes(enriched()), StandardCharsets.UTF_8);
        assertFalse(json.contains("entity_model"));
        EnrichedArticle read = Topics.ENRICHED_SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8));
        assertNull(read.languageSource());
        assertNull(read.entityModel());
        assertNull(read.topicModel());
        assertTrue(read.topicsScored(), "an old event's topics were scored");
        assertEquals(read, EventValidation.validate(read));
        assertValid(SchemaAssertions.ENRICHED, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownLanguageSourceIsRefused() {
        String json = new String(Topics.ENRICHED_SERDE.toBytes(enriched()), StandardCharsets.UTF_8)
                .replace("{", "{\"language_source\":\"guessed\",");
        assertThrows(SerializationException.class,
                () -> Topics.ENRICHED_SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
        assertFalse(SchemaAssertions.errors(SchemaAssertions.ENRICHED, json.getBytes(StandardCharsets.UTF_8))
                .isEmpty());
    }

    @Test
    void schemaRejectsWhatTheContractForbids() {
        String bad = new String(Topics.ENRICHED_SERDE.toBytes(enriched()), StandardCharsets.UTF_8)
                .replace("\"MISC\"", "\"PLANET\"");
        assertFalse(SchemaAssertions.errors(SchemaAssertions.ENRICHED, bad.getBytes(StandardCharsets.UTF_8))
                .isEmpty());
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = new String(Topics.ARTICLE_SERDE.toBytes(ARTICLE), StandardCharsets.UTF_8)
                .replace("{", "{\"added_later\":{\"x\":[1,2]},");
        assertEquals(ARTICLE, Topics.ARTICLE_SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badInputFailsWithAReason() {
        assertReason("not a valid Article JSON", "{not json");
        assertReason("not a valid Article JSON", "[1,2,3]");
        assertReason("not a valid Article JSON", json().replace("\"Title here\"", "42"));
        assertReason("unsupported schema_version 7", json().replace("\"schema_version\":1", "\"schema_version\":7"));
        assertReason("missing or empty field 'id'", json().replace("\"abc123\"", "\"\""));
        assertReason("title and body are both blank",
                json().replace("\"Title here\"", "\"\"").replace("\"Body text.\"", "\" \""));
        assertNull(Topics.ARTICLE_SERDE.fromBytes(null), "a tombstone reads as null for the topology to reject");
    }

    private static String json() {
        return new String(Topics.ARTICLE_SERDE.toBytes(ARTICLE), StandardCharsets.UTF_8);
    }

    private static void assertReason(String expected, String json) {
        SerializationException e = assertThrows(SerializationException.class,
                () -> Topics.ARTICLE_SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
    }

    @Test
    void labelTopicsRefuseUnsafeLabels() {
        assertEquals("news.topic.energy", Topics.DEFAULTS.labelTopic("energy"));
        assertThrows(InvalidEventException.class, () -> Topics.DEFAULTS.labelTopic("../etc"));
        assertThrows(InvalidEventException.class, () -> Topics.DEFAULTS.labelTopic("Energy"));
        assertThrows(InvalidEventException.class, () -> Topics.DEFAULTS.labelTopic(""));
    }
}
