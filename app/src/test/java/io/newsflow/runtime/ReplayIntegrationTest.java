package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.app.CommandRun;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Json;
import io.newsflow.events.Seeds;
import io.newsflow.events.Topics;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay on a real broker: a dry run changes nothing; a replay into suffixed topics reprocesses every raw record
 * (dedup bypassed) into news.enriched.SUFFIX, its label topics and a new file directory; and two replays of the
 * same input give byte-identical events apart from enriched_at.
 */
class ReplayIntegrationTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @Test
    void replayIsCompleteSeparateAndDeterministic(@TempDir Path dir) throws Exception {
        Map<String, Object> client = KAFKA.clientConfig();
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        TopicAdmin.create(client, Topics.DEFAULTS, enricher.labels(), Optional.of(2), Optional.of((short) 1));
        Instant before = Instant.now().minusSeconds(1);
        IngestSummary ingest = Ingestor.run(client, Topics.DEFAULTS, List.of(Seeds.dir()), Clock.systemUTC());
        // The same files again: with dedup bypassed they are enriched again, once per raw record.
        Ingestor.run(client, Topics.DEFAULTS, List.of(Seeds.seedArticle()), Clock.systemUTC());
        long rawRecords = ingest.published() + 1L;

        Replay.Plan dry = Replay.plan(client, Topics.DEFAULTS, before, null, "dry", dir.resolve("dry"));
        assertEquals(rawRecords, dry.total());
        assertTrue(dry.render(enricher.labels()).contains("news.enriched.dry"));
        try (Admin admin = Admin.create(client)) {
            assertFalse(admin.listTopics().names().get().contains("news.enriched.dry"), "a plan creates nothing");
        }

        Map<String, String> a = replay(client, enricher, before, "a", dir.resolve("a"), rawRecords);
        Map<String, String> b = replay(client, enricher, before, "b", dir.resolve("b"), rawRecords);
        assertEquals(Set.copyOf(ingest.publishedIds()), a.keySet());
        assertEquals(a, b, "replays of the same input are byte-identical apart from enriched_at");

        Map<String, List<String>> files = SinkFiles.idsInFiles(dir.resolve("a"));
        assertEquals(Set.copyOf(ingest.publishedIds()), Set.copyOf(files.get("enriched")));

        // The same suffix again: what the first run left is found, and a rerun is refused unless forced ...
        Replay.Plan again = Replay.plan(client, Topics.DEFAULTS, before, null, "a", dir.resolve("a"));
        List<String> left = Replay.leftovers(client, again, enricher.labels());
        assertTrue(left.contains("topic news.enriched.a") && left.contains("directory " + dir.resolve("a")), left::toString);
        CommandRun refused = CommandRun.run("replay", "--bootstrap-server",
                KAFKA.bootstrapServers(), "--from", before.toString(), "--output-suffix", "a", "--out",
                dir.resolve("a").toString());
        assertEquals(Exit.CANNOT_START, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--force") && refused.err().contains("news.enriched.a"), refused.err());
        // ... and with --force it starts afresh: the same events once more, not twice as many.
        Replay.reset(client, again, enricher.labels(), Duration.ofMinutes(1));
        assertEquals(List.of(), Replay.leftovers(client, again, enricher.labels()));
        assertEquals(a, replay(client, enricher, before, "a", dir.resolve("a"), rawRecords));
        Map<String, List<String>> rerunFiles = SinkFiles.idsInFiles(dir.resolve("a"));
        assertEquals(files.get("enriched").size(), rerunFiles.get("enriched").size(), "no line written twice");
    }

    private static String seedId() throws java.io.IOException {
        var parsed = io.newsflow.ingest.PlainTextArticleParser.parse(java.nio.file.Files.readString(Seeds.seedArticle()));
        return io.newsflow.ingest.ArticleIds.of(parsed.title(), parsed.body());
    }

    private static Map<String, String> replay(Map<String, Object> client, Enricher enricher, Instant from,
                                              String suffix, Path out, long expected) throws Exception {
        Replay.Plan plan = Replay.plan(client, Topics.DEFAULTS, from, null, suffix, out);
        assertEquals(expected, plan.total());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Replay.Result result = Replay.run(client, plan, enricher, Duration.ofMinutes(3),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(expected, result.read());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("remaining"), "progress is printed");
        Map<String, String> events = new TreeMap<>();
        try (PipelineObserver observer = new PipelineObserver(client, plan.output(), enricher.labels())) {
            observer.poll(Duration.ofSeconds(2));
            String seed = seedId();
            assertEquals(Map.of("news.enriched." + suffix + ":" + seed, 1,
                    "news.topic.diplomacy." + suffix + ":" + seed, 1,
                    "news.topic.military." + suffix + ":" + seed, 1), observer.duplicates(),
                    "the seed was ingested twice and, with dedup bypassed, replayed (and routed) twice");
            assertEquals(observer.expectedLabelTopicIds(), observer.labelTopicIds());
            for (var e : observer.enriched().entrySet()) {
                ObjectNode node = (ObjectNode) Json.MAPPER.readTree(Topics.ENRICHED_SERDE.toBytes(e.getValue()));
                node.remove("enriched_at");
                events.put(e.getKey(), Json.MAPPER.writeValueAsString(node));
            }
        }
        return events;
    }
}
