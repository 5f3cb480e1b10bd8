package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input the pipeline must survive: each goes to the DLQ with its original bytes and a reason
 * naming the problem, and a valid article sent right after it is still enriched.
 */
class BadInputTest {
    static final Instant T0 = Instant.parse("2025-09-19T08:00:00Z");

    static String json(String id, String title, String body) {
        return new String(Topics.ARTICLE_SERDE.toBytes(new Article(1, id, "Wire", null, title, body, null, null, T0,
                "en")), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badRecords() {
        String valid = json("k", "Title", "Body text.");
        byte[] invalidUtf8 = utf8(valid.replace("Body text.", "Body XX"));
        int at = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("XX");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        return Stream.of(
                Arguments.of("malformed JSON", "k", utf8("{\"id\": \"k\", \"title\": "), "not a valid Article JSON"),
                Arguments.of("JSON of the wrong shape", "k", utf8("[\"k\", \"Title\"]"), "not a valid Article JSON"),
                Arguments.of("wrong field type", "k", utf8(valid.replace("\"Title\"", "[1,2]")),
                        "not a valid Article JSON"),
                Arguments.of("number where text belongs", "k", utf8(valid.replace("\"Title\"", "12")),
                        "not a valid Article JSON"),
                Arguments.of("unknown schema_version", "k", utf8(valid.replace("\"schema_version\":1",
                        "\"schema_version\":2")), "unsupported schema_version 2"),
                Arguments.of("missing title", "k", utf8(valid.replace("\"title\":\"Title\",", "")),
                        "missing field 'title'"),
                Arguments.of("empty title and body", "k", utf8(json("k", "", " ")), "title and body are both blank"),
                Arguments.of("body over the size limit", "k", utf8(json("k", "T", "x".repeat(1024 * 1024 + 1))),
                        "over the limit of 1048576 bytes"),
                Arguments.of("invalid UTF-8", "k", invalidUtf8, "not a valid Article JSON"),
                Arguments.of("binary garbage", "k", new byte[]{0, 1, 2, (byte) 0xFE, (byte) 0xFF, 0x7F},
                        "not a valid Article JSON"),
                Arguments.of("null key", null, utf8(valid), "record without key"),
                Arguments.of("null value (tombstone)", "k", null, "tombstone"),
                Arguments.of("key differs from id", "other", utf8(valid), "key 'other' differs from article id 'k'"),
                Arguments.of("control characters", "k", utf8(json("k", "Title", "Body \u0000 with NUL")),
                        "control character U+0000 in body"),
                Arguments.of("HTML instead of text", "k", utf8(json("k", "Title",
                        "<html><body><div><p>Story</p></div></body></html>")), "body is HTML markup"));
    }

    TopologyTestDriver driver(Enricher enricher) {
        Properties props = EnrichTopology.config(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS);
        return new TopologyTestDriver(EnrichTopology.build(Topics.DEFAULTS, enricher), props);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void goesToTheDlqWithReasonAndTheStreamKeepsRunning(String what, String key, byte[] value, String reason) {
        try (TopologyTestDriver d = driver(Enricher.standard(Clock.fixed(T0, ZoneOffset.UTC)))) {
            TestInputTopic<String, byte[]> raw = d.createInputTopic("news.raw", new StringSerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> dlq = d.createOutputTopic("news.dlq", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            TestOutputTopic<String, EnrichedArticle> enriched = d.createOutputTopic("news.enriched",
                    new StringDeserializer(), Topics.ENRICHED_SERDE.deserializer());
            raw.pipeInput(new TestRecord<>(key, value, T0));
            raw.pipeInput(new TestRecord<>("good", utf8(json("good", "After", "A valid article.")), T0));

            List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
            assertEquals(1, dead.size(), what);
            assertArrayEquals(value, dead.get(0).value(), "original bytes kept");
            String message = new String(dead.get(0).headers().lastHeader("__streams.errors.message").value(),
                    StandardCharsets.UTF_8);
            assertTrue(message.contains(reason), () -> what + ": '" + message + "' lacks '" + reason + "'");
            assertEquals(List.of("good"), enriched.readRecordsToList().stream().map(TestRecord::key).toList());
        }
    }

    @Test
    void hugeTokenAndHundredThousandNamesAreEnrichedWithinLimits() {
        Enricher enricher = Enricher.standard(Clock.fixed(T0, ZoneOffset.UTC));
        Article token = new Article(1, "t", "Wire", null, "Long", "A" + "b".repeat(100_000) + " ends.", null, null,
                T0, "en");
        SchemaAssertions.assertValid(SchemaAssertions.ENRICHED, Topics.ENRICHED_SERDE.toBytes(
                enricher.enrich("t", token)));

        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            names.append(i % 2 == 0 ? "Moscow, " : "Kyiv, ");
        }
        Article many = new Article(1, "n", "Wire", null, "Names", names.toString(), null, null, T0, "en");
        EnrichedArticle out = enricher.enrich("n", many);
        int mentions = out.entities().stream().mapToInt(e -> e.mentions().size()).sum();
        assertEquals(Enricher.MAX_MENTIONS, mentions, "mentions are capped so the event stays a sane size");
        assertTrue(Topics.ENRICHED_SERDE.toBytes(out).length < 4 * 1024 * 1024);
    }

    /**
     * A megabyte of taxonomy terms (the old scorer compared every match with every other, 12-42 s for 256 KB, past
     * the transaction timeout) goes through the whole enricher; LearnedTopicClassifierTest counts its work.
     */
    @Test
    void aMegabyteOfRepeatedTaxonomyTermsIsEnriched() {
        Enricher enricher = Enricher.standard(Clock.fixed(T0, ZoneOffset.UTC));
        String body = "natural gas troops embassy ".repeat(1024 * 1024 / 27);
        Article article = new Article(1, "g", "Wire", null, "Gas", body, null, null, T0, "en");
        EnrichedArticle out = enricher.enrich("g", article);
        assertEquals(3, out.topics().size());
        SchemaAssertions.assertValid(SchemaAssertions.ENRICHED, Topics.ENRICHED_SERDE.toBytes(out));
    }
}
