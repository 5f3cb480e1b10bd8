package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.EnrichedArticle;
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
        driver = new TopologyTestDriver(SinkTopology.build(Topics.DEFAULTS), SinkTopology.config(Map.of(
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
}
