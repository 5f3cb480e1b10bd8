package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.lang.LanguageSample;
import io.newsflow.enrich.ner.NerEntityExtractor;
import io.newsflow.events.Article;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real enrich topology in TopologyTestDriver. at_least_once here: under exactly_once_v2 the driver drops the
 * DLQ record of a deserialization error (a driver limitation; the broker-backed test covers EOS).
 */
class EnrichTopologyTest {
    static final Instant T0 = Instant.parse("2025-09-19T08:00:00Z");
    static final Instant ENRICHED_AT = Instant.parse("2025-09-19T09:00:00Z");

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> raw;
    TestOutputTopic<String, EnrichedArticle> enriched;
    TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        Properties props = EnrichTopology.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS);
        Enricher enricher = Enricher.standard(Clock.fixed(ENRICHED_AT, ZoneOffset.UTC));
        driver = new TopologyTestDriver(EnrichTopology.build(Topics.DEFAULTS, enricher), props);
        raw = driver.createInputTopic("news.raw", Topics.KEY_SERDE.serializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic("news.enriched", new StringDeserializer(),
                Topics.ENRICHED_SERDE.deserializer());
        dlq = driver.createOutputTopic("news.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String key, byte[] value, Instant at) {
        raw.pipeInput(new TestRecord<>(key, value, at));
    }

    @Test
    void validArticleIsEnrichedUnderItsKeyWithItsTimestamp() {
        Article seed = SeedArticle.load();
        send(seed.id(), Topics.ARTICLE_SERDE.toBytes(seed), T0);
        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertEquals(seed.id(), out.key());
        assertEquals(T0, out.getRecordTime(), "the event keeps the raw record's timestamp");
        assertEquals(List.of("diplomacy", "military"), out.value().labels());
        assertEquals(ENRICHED_AT, out.value().enrichedAt());
        assertEquals("ner-perceptron-conll03-2+linker-2+taxonomy-1+topics-lr-1+lang-optimaize-0.6-36@0.8"
                        + "+es:ner-perceptron-conll02-es-1",
                out.value().enricherVersion(),
                "names the entity model, the linker, the taxonomy, the trained topic model, the language detector "
                        + "and the Spanish model");
        assertTrue(dlq.isEmpty());
    }

    @Test
    void anEnglishArticleIsDetectedAndStillGetsEntitiesAndLabels() {
        Article seed = SeedArticle.load();
        assertNull(seed.language(), "the seed declares no language");
        send(seed.id(), Topics.ARTICLE_SERDE.toBytes(seed), T0);
        EnrichedArticle e = enriched.readValue();
        assertEquals("en", e.language());
        assertEquals(EnrichedArticle.DETECTED, e.languageSource());
        assertEquals("ner-perceptron-conll03-2", e.entityModel());
        assertEquals("taxonomy-1+topics-lr-1", e.topicModel());
        assertTrue(e.topicsScored());
        assertTrue(e.entities().stream().anyMatch(x -> x.name().equals("Vladimir Putin")), e.entities()::toString);
        assertEquals(3, e.topics().size());
        assertEquals(List.of("diplomacy", "military"), e.labels());
    }

    @Test
    void aFrenchArticleSaysItsLanguageAndGetsNoEnglishModelResults() {
        Article french = LanguageSample.writtenArticle("fr", 2);
        assertTrue(french.body().contains("Beaune"));
        assertFalse(NerEntityExtractor.loadDefault().extract(french).isEmpty(),
                "the English model would find 'entities' here: the test is not vacuous");
        send(french.id(), Topics.ARTICLE_SERDE.toBytes(french), T0);
        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        EnrichedArticle e = out.value();
        assertEquals("fr", e.language());
        assertEquals(EnrichedArticle.DETECTED, e.languageSource());
        assertEquals(List.of(), e.entities());
        assertEquals(EnrichedArticle.NONE, e.entityModel());
        assertEquals(EnrichedArticle.NONE, e.topicModel());
        assertFalse(e.topicsScored());
        assertEquals(List.of(), e.topics(), "no English-model scores on French text");
        assertEquals(List.of(), e.labels());
        byte[] bytes = Topics.ENRICHED_SERDE.toBytes(e);
        SchemaAssertions.assertValid(SchemaAssertions.ENRICHED, bytes);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"language\":\"fr\"") && json.contains("\"entity_model\":\"none\"")
                && json.contains("\"topic_model\":\"none\"") && json.contains("\"language_source\":\"detected\""),
                json);
        assertTrue(dlq.isEmpty());
    }

    @Test
    void aDeclaredLanguageWinsOverTheDetector() {
        Article seed = SeedArticle.load();
        Article declaredGerman = new Article(1, seed.id(), seed.source(), seed.url(), seed.title(), seed.body(),
                seed.caption(), seed.publishedAt(), seed.ingestedAt(), "de-DE");
        send(seed.id(), Topics.ARTICLE_SERDE.toBytes(declaredGerman), T0);
        EnrichedArticle e = enriched.readValue();
        assertEquals("de", e.language(), "the declared tag, as ISO 639-1");
        assertEquals(EnrichedArticle.DECLARED, e.languageSource());
        assertEquals(EnrichedArticle.NONE, e.entityModel(), "no German model: no entities");
        assertEquals(List.of(), e.entities());
        assertEquals(EnrichedArticle.NONE, e.topicModel());

        Article french = LanguageSample.writtenArticle("fr", 0);
        Article declaredFrench = new Article(1, french.id(), french.source(), null, french.title(), french.body(),
                null, null, french.ingestedAt(), "FR");
        send(french.id(), Topics.ARTICLE_SERDE.toBytes(declaredFrench), T0);
        EnrichedArticle f = enriched.readValue();
        assertEquals("fr", f.language());
        assertEquals(EnrichedArticle.DECLARED, f.languageSource());
    }

    @Test
    void anUnknownLanguageRunsNoModel() {
        Article figures = new Article(1, "figures", "Wire", null, "12:30", "2 - 1   3 - 0   1 - 1\n\n4 - 2   0 - 0",
                null, null, T0, null);
        send("figures", Topics.ARTICLE_SERDE.toBytes(figures), T0);
        EnrichedArticle e = enriched.readValue();
        assertNull(e.language());
        assertNull(e.languageSource());
        assertEquals(EnrichedArticle.NONE, e.entityModel());
        assertEquals(EnrichedArticle.NONE, e.topicModel());
        SchemaAssertions.assertValid(SchemaAssertions.ENRICHED, Topics.ENRICHED_SERDE.toBytes(e));
    }

    @Test
    void poisonPillsGoToTheDlqWithReasonAndTheStreamKeepsRunning() {
        Article seed = SeedArticle.load();
        byte[] garbage = {(byte) 0xFF, 0x00, (byte) 0xC3, 0x28, 'x'};
        byte[] wrongType = "{\"schema_version\":1,\"id\":\"k2\",\"title\":{\"a\":1},\"body\":\"b\"}"
                .getBytes(StandardCharsets.UTF_8);
        send("k1", garbage, T0);
        send("k2", wrongType, T0.plusSeconds(1));
        send("k3", null, T0.plusSeconds(2));
        send("other-key", Topics.ARTICLE_SERDE.toBytes(seed), T0.plusSeconds(3));
        send(seed.id(), Topics.ARTICLE_SERDE.toBytes(seed), T0.plusSeconds(4));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(4, dead.size());
        assertDead(dead.get(0), "k1", garbage, 0, "not a valid Article JSON");
        assertDead(dead.get(1), "k2", wrongType, 1, "not a valid Article JSON");
        assertDead(dead.get(2), "k3", null, 2, "tombstone");
        assertDead(dead.get(3), "other-key", Topics.ARTICLE_SERDE.toBytes(seed), 3, "differs from article id");

        List<TestRecord<String, EnrichedArticle>> good = enriched.readRecordsToList();
        assertEquals(1, good.size(), "the valid record after the poison pills still comes through");
        assertEquals(seed.id(), good.get(0).key());
    }

    private static void assertDead(TestRecord<byte[], byte[]> r, String key, byte[] value, long offset,
                                   String reason) {
        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), r.key(), "original key bytes");
        assertArrayEquals(value, r.value(), "original value bytes");
        Headers h = r.headers();
        assertEquals("news.raw", header(h, "__streams.errors.topic"));
        assertEquals("0", header(h, "__streams.errors.partition"));
        assertEquals(String.valueOf(offset), header(h, "__streams.errors.offset"));
        String message = header(h, "__streams.errors.message");
        assertTrue(message.contains(reason), () -> message + " lacks " + reason);
        assertNotNull(header(h, "__streams.errors.exception"));
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        assertNotNull(h, "header " + name);
        return h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
