package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityMention;
import io.newsflow.events.EntityType;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Mention;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.TextField;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkTopologyTest {
    static final Instant T0 = Instant.parse("2025-09-19T08:00:00Z");
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> enriched;

    @BeforeEach
    void start() {
        start(SinkTopology.Options.DEFAULTS);
    }

    void start(SinkTopology.Options options) {
        if (driver != null) {
            driver.close();
        }
        driver = new TopologyTestDriver(SinkTopology.build(Topics.DEFAULTS, options), SinkTopology.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS));
        enriched = driver.createInputTopic("news.enriched", new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    TestOutputTopic<String, byte[]> out(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    List<String> keys(String topic) {
        return out(topic).readRecordsToList().stream().map(TestRecord::key).toList();
    }

    @Test
    void eachEventGoesToEachOfItsLabelTopicsUnchanged() {
        EnrichedArticle both = Events.event("a", null, List.of("diplomacy", "military"));
        EnrichedArticle none = Events.event("b", null, List.of());
        EnrichedArticle energy = Events.event("c", null, List.of("energy"));
        byte[] bothBytes = Topics.ENRICHED_SERDE.toBytes(both);
        enriched.pipeInput(new TestRecord<>("a", bothBytes, T0));
        enriched.pipeInput(new TestRecord<>("b", Topics.ENRICHED_SERDE.toBytes(none), T0.plusSeconds(1)));
        enriched.pipeInput(new TestRecord<>("c", Topics.ENRICHED_SERDE.toBytes(energy), T0.plusSeconds(2)));

        List<TestRecord<String, byte[]>> diplomacy = out("news.topic.diplomacy").readRecordsToList();
        assertEquals(1, diplomacy.size());
        assertEquals("a", diplomacy.get(0).key());
        assertArrayEquals(bothBytes, diplomacy.get(0).value(), "forwarded byte for byte");
        assertEquals(T0, diplomacy.get(0).getRecordTime());
        assertEquals(List.of("a"), keys("news.topic.military"));
        assertEquals(List.of("c"), keys("news.topic.energy"));
    }

    @Test
    void unreadableEventsAndUnsafeLabelsAreDeadLetteredAndRoutingGoesOn() {
        enriched.pipeInput(new TestRecord<>("bad", "{]".getBytes(StandardCharsets.UTF_8), T0));
        enriched.pipeInput(new TestRecord<>("evil",
                Topics.ENRICHED_SERDE.toBytes(Events.event("evil", null, List.of("../x"))), T0));
        enriched.pipeInput(new TestRecord<>("ok",
                Topics.ENRICHED_SERDE.toBytes(Events.event("ok", null, List.of("energy"))), T0));
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("news.dlq", new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(2, dead.size());
        assertArrayEquals("{]".getBytes(StandardCharsets.UTF_8), dead.get(0).value());
        String reason = new String(dead.get(1).headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("invalid label"), reason);
        assertEquals(List.of("ok"), keys("news.topic.energy"));
    }

    static final List<Mention> AT0 = List.of(new Mention(TextField.BODY, 0, 4));
    static final Entity MADURO = new Entity("Nicolás Maduro", EntityType.PERSON, AT0, "VE", "Q57413");
    static final Entity ACME = new Entity("Acme", EntityType.ORGANIZATION, AT0);
    static final Entity PARIS = new Entity("Paris", EntityType.LOCATION, AT0, "FR", null);
    static final Entity CARACAS = new Entity("Caracas", EntityType.LOCATION, AT0, "VE", null);

    @Test
    void eachEntityBecomesOneMentionKeyedByItsStableId() throws Exception {
        EnrichedArticle a = Events.event("a", T0, List.of("diplomacy"), List.of(MADURO, ACME));
        enriched.pipeInput(new TestRecord<>("a", Topics.ENRICHED_SERDE.toBytes(a), T0));
        enriched.pipeInput(new TestRecord<>("b", Topics.ENRICHED_SERDE.toBytes(
                Events.event("b", T0, List.of(), List.of(ACME))), T0.plusSeconds(5)));

        List<TestRecord<String, byte[]>> mentions = out("news.mentions").readRecordsToList();
        assertEquals(List.of("Q57413", "organization:acme", "organization:acme"),
                mentions.stream().map(TestRecord::key).toList());
        assertEquals(List.of(T0, T0, T0.plusSeconds(5)), mentions.stream().map(TestRecord::getRecordTime).toList(),
                "mentions keep the event's record time");
        EntityMention first = Topics.MENTION_SERDE.fromBytes(mentions.get(0).value());
        assertEquals(new EntityMention(1, "Q57413", "a", "Nicolás Maduro", EntityType.PERSON, "VE", "Q57413",
                List.of("diplomacy"), T0, "Title a"), first);
        SchemaAssertions.assertValid(SchemaAssertions.MENTION, mentions.get(1).value());
        assertEquals(List.of("a"), keys("news.topic.diplomacy"), "label routing unchanged");
        assertTrue(out("news.country.VE").isEmpty(), "country routing is off by default");
    }

    @Test
    void countryRoutingSendsEachDistinctAllowedCountryOnceUnchanged() {
        start(SinkTopology.Options.countryRouting(List.of("VE", "FR")));
        EnrichedArticle a = Events.event("a", T0, List.of(), List.of(MADURO, CARACAS, PARIS,
                new Entity("Berlin", EntityType.LOCATION, AT0, "DE", null),
                new Entity("Bad", EntityType.LOCATION, AT0, "../x", null)));
        byte[] bytes = Topics.ENRICHED_SERDE.toBytes(a);
        enriched.pipeInput(new TestRecord<>("a", bytes, T0));
        enriched.pipeInput(new TestRecord<>("b", Topics.ENRICHED_SERDE.toBytes(
                Events.event("b", T0, List.of(), List.of(ACME))), T0.plusSeconds(1)));

        List<TestRecord<String, byte[]>> ve = out("news.country.VE").readRecordsToList();
        assertEquals(1, ve.size(), "two VE entities, one record");
        assertEquals("a", ve.get(0).key());
        assertArrayEquals(bytes, ve.get(0).value(), "forwarded byte for byte");
        assertEquals(T0, ve.get(0).getRecordTime());
        assertEquals(List.of("a"), keys("news.country.FR"));
        // DE is outside the allow-list and "../x" is no country code: skipped, never a topic, never a dead letter.
        assertTrue(out("news.country.DE").isEmpty());
        assertTrue(driver.producedTopicNames().stream().noneMatch(t -> t.contains("..")), "" + driver.producedTopicNames());
        assertTrue(driver.createOutputTopic("news.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .isEmpty());
    }

    @Test
    void countryRoutingKeepsThePoisonPillBehaviour() {
        start(SinkTopology.Options.countryRouting(List.of("VE")));
        enriched.pipeInput(new TestRecord<>("bad", "{]".getBytes(StandardCharsets.UTF_8), T0));
        enriched.pipeInput(new TestRecord<>("tomb", null, T0));
        enriched.pipeInput(new TestRecord<>("ok", Topics.ENRICHED_SERDE.toBytes(
                Events.event("ok", T0, List.of("energy"), List.of(MADURO))), T0));
        assertEquals(2, driver.createOutputTopic("news.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList().size());
        assertEquals(List.of("ok"), keys("news.country.VE"));
        assertEquals(List.of("Q57413"), keys("news.mentions"));
    }

    @Test
    void theAllowListTakesOnlyIsoCodes() {
        assertThrows(InvalidEventException.class, () -> SinkTopology.Options.countryRouting(List.of("fr")));
        assertTrue(SinkTopology.Options.ALL_COUNTRIES.size() > 200);
        assertTrue(SinkTopology.Options.ALL_COUNTRIES.contains("VE"));
        assertEquals(java.util.Set.of(), new SinkTopology.Options(false, java.util.Set.of("FR")).countryTopicCodes());
    }
}
