package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The durable dedup: same id within the window once, after the window again, and a bypass for reprocessing. */
class DedupTest {
    static final Instant T0 = Instant.parse("2025-09-19T08:00:00Z");

    static byte[] article(String id) {
        return Topics.ARTICLE_SERDE.toBytes(new Article(1, id, "Wire", null, "T " + id, "Body " + id, null, null, T0,
                "en"));
    }

    List<String> run(EnrichTopology.Options options, List<TestRecord<String, byte[]>> input) {
        var props = EnrichTopology.config(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092"),
                Topics.DEFAULTS);
        var topology = EnrichTopology.build(Topics.DEFAULTS, Enricher.standard(Clock.fixed(T0, ZoneOffset.UTC)),
                options);
        try (TopologyTestDriver d = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, byte[]> raw = d.createInputTopic("news.raw", new StringSerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<String, EnrichedArticle> out = d.createOutputTopic("news.enriched",
                    new StringDeserializer(), Topics.ENRICHED_SERDE.deserializer());
            input.forEach(raw::pipeInput);
            return out.readRecordsToList().stream().map(TestRecord::key).toList();
        }
    }

    @Test
    void sameIdWithinTheWindowIsEnrichedOnce() {
        List<String> keys = run(EnrichTopology.Options.DEFAULTS, List.of(
                new TestRecord<>("a", article("a"), T0),
                new TestRecord<>("b", article("b"), T0.plusSeconds(1)),
                new TestRecord<>("a", article("a"), T0.plus(Duration.ofDays(6))),
                new TestRecord<>("a", article("a"), T0.plus(Duration.ofDays(6)).plusSeconds(1))));
        assertEquals(List.of("a", "b"), keys);
    }

    @Test
    void afterTheWindowTheSameIdIsEnrichedAgain() {
        List<String> keys = run(new EnrichTopology.Options(true, Duration.ofHours(1)), List.of(
                new TestRecord<>("a", article("a"), T0),
                new TestRecord<>("a", article("a"), T0.plus(Duration.ofMinutes(30))),
                new TestRecord<>("a", article("a"), T0.plus(Duration.ofHours(2)))));
        assertEquals(List.of("a", "a"), keys);
    }

    @Test
    void bypassEnrichesEveryRecord() {
        List<String> keys = run(new EnrichTopology.Options(false, Duration.ofDays(7)), List.of(
                new TestRecord<>("a", article("a"), T0), new TestRecord<>("a", article("a"), T0.plusSeconds(1))));
        assertEquals(List.of("a", "a"), keys);
    }
}
