package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.app.CommandRun;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Json;
import io.newsflow.events.Seeds;
import io.newsflow.events.Topics;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enrich-file}: the stream's enricher without Kafka, checked against the enrich topology itself. */
class EnrichFileCommandTest {
    static final Clock INGEST = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void seedsGiveTheStreamsEventsApartFromEnrichedAt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("seeds.jsonl");
        EnrichFile.Summary s = EnrichFile.run(List.of(Seeds.dir()), out,
                Enricher.standard(Clock.fixed(Instant.parse("2026-03-01T11:00:00Z"), ZoneOffset.UTC)), INGEST, null,
                1000);
        List<String> lines = Files.readAllLines(out);
        assertEquals(s.enriched(), lines.size());
        assertTrue(lines.size() >= 15, "seeds/ holds text files and a JSONL archive: " + lines.size());
        assertTrue(s.rejected().isEmpty(), s.rejected()::toString);

        // The same articles, as ingest would publish them, through the enrich topology.
        List<Article> articles = new ArrayList<>();
        new ArticleFiles(INGEST).read(List.of(Seeds.dir()), item -> {
            if (item instanceof SourceItem.Parsed p) {
                articles.add(p.article());
            }
        });
        Properties props = EnrichTopology.config(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS);
        Map<String, JsonNode> streamed = new HashMap<>();
        Enricher streamEnricher = Enricher.standard(Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"),
                ZoneOffset.UTC));
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(Topics.DEFAULTS,
                streamEnricher), props)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic("news.raw",
                    Topics.KEY_SERDE.serializer(), new ByteArraySerializer());
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic("news.enriched",
                    new StringDeserializer(), Topics.ENRICHED_SERDE.deserializer());
            for (Article a : articles) {
                raw.pipeInput(a.id(), Topics.ARTICLE_SERDE.toBytes(a));
            }
            for (var r : enriched.readRecordsToList()) {
                streamed.put(r.key(), withoutEnrichedAt(Json.MAPPER.readTree(Topics.ENRICHED_SERDE.toBytes(
                        r.value()))));
            }
        }
        assertEquals(lines.size(), streamed.size());
        for (String line : lines) {
            JsonNode file = withoutEnrichedAt(Json.MAPPER.readTree(line));
            JsonNode stream = streamed.get(file.get("id").asText());
            assertEquals(stream, file, "article " + file.get("id"));
        }
    }

    static JsonNode withoutEnrichedAt(JsonNode n) {
        ObjectNode copy = n.deepCopy();
        assertTrue(copy.has("enriched_at"));
        copy.remove("enriched_at");
        return copy;
    }

    @Test
    void aBadFileIsReportedAndTheGoodOnesAreEnriched(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, "{\"title\": \"Ministers meet\", \"body\": \"The foreign ministers of Chile and Peru "
                + "met in Lima on Monday.\"}\n");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{not json");
        Path out = dir.resolve("out/events.jsonl");
        CommandRun r = CommandRun.run("enrich-file", good.toString(), bad.toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("enriched 1 of 1 article(s)"), r.out());
        assertTrue(r.out().contains("rejected: 1") && r.out().contains("bad.json"), r.out());
        JsonNode event = Json.MAPPER.readTree(Files.readAllLines(out).get(0));
        assertEquals("Ministers meet", event.get("title").asText());
        assertFalse(event.get("entities").isEmpty(), event.toString());

        CommandRun none = CommandRun.run("enrich-file", bad.toString(), "--out",
                dir.resolve("none.jsonl").toString());
        assertEquals(Exit.FAILED, none.code(), none.out());
    }
}
