package io.newsflow.runtime;

import io.newsflow.sink.RotationPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.Seeds;
import io.newsflow.events.Topics;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import io.newsflow.sink.SinkTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker, with the stages' own exactly-once settings: seeds in, every article
 * enriched, each label topic holding exactly the right ids, files written, and a malformed record dead-lettered
 * while later articles still come through. Waits on output records, never on time.
 */
class PipelineIntegrationTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();

    static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void seedsFlowThroughEveryStage(@TempDir Path out) throws Exception {
        Map<String, Object> client = KAFKA.clientConfig();
        // Topic names, application ids and the file sink's group of this test's own: the broker is shared.
        Topics topics = new Topics("pipeline.raw", "pipeline.enriched", "pipeline.topic.", "pipeline.dlq",
                "pipeline.mentions", "pipeline.country.");
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        TopicAdmin.create(client, topics, enricher.labels(), Optional.of(2), Optional.of((short) 1));

        Map<String, Object> streamsClient = new HashMap<>(client);
        streamsClient.put(StreamsConfig.STATE_DIR_CONFIG, KAFKA.workDir().resolve("streams").toString());
        Properties enrichConfig = EnrichTopology.config(streamsClient, topics);
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, enrichConfig.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        enrichConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test-enrich");
        Properties routerConfig = SinkTopology.config(streamsClient, topics);
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, routerConfig.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        routerConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test-sink-router");
        Map<String, Object> filesClient = new HashMap<>(client);
        filesClient.put("group.id", "pipeline-test-sink-files");

        try (StreamsService enrich = new StreamsService("enrich", EnrichTopology.build(topics, enricher),
                enrichConfig);
             SinkService sink = new SinkService(filesClient, routerConfig, topics, out, RotationPolicy.INTERACTIVE);
             PipelineObserver observer = new PipelineObserver(client, topics, enricher.labels())) {
            enrich.start(DEADLINE);
            sink.start(DEADLINE);

            IngestSummary first = Ingestor.run(client, topics, List.of(Seeds.dir()), Clock.systemUTC());
            assertEquals(0, first.rejected().size(), first.render());
            int seeds = first.published();
            assertTrue(seeds >= 18, "13+ text seeds and the archive's articles: " + first.render());

            // A malformed record straight to news.raw, then one more article: the stream must keep going.
            byte[] poison = "{\"schema_version\":1,\"id\":".getBytes(StandardCharsets.UTF_8);
            try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                    KAFKA.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(topics.raw(), "poison".getBytes(StandardCharsets.UTF_8), poison)).get();
            }
            Path late = out.resolveSibling(out.getFileName() + "-late.txt");
            Files.writeString(late, "Late headline: oil prices jump as OPEC cuts output\n\nCrude oil rose 4% after "
                    + "OPEC agreed to cut production by a million barrels a day, and refiners warned of higher "
                    + "gasoline prices.\n");
            IngestSummary second = Ingestor.run(client, topics, List.of(late), Clock.systemUTC());
            assertEquals(1, second.published());
            String lateId = second.publishedIds().get(0);

            int expected = seeds + 1;
            await("every article enriched, the poison pill dead-lettered, label topics complete", () -> {
                observer.poll(Duration.ofMillis(200));
                return observer.complete(expected + 1) && observer.enriched().size() == expected
                        && sink.files().written() >= expected;
            });

            // count in = count enriched, each exactly once
            assertEquals(expected, observer.enriched().size());
            assertEquals(Map.of(), observer.duplicates());
            assertTrue(observer.enriched().containsKey(lateId), "the article after the poison pill is enriched");

            // each news.topic.* holds exactly the right ids
            assertEquals(observer.expectedLabelTopicIds(), observer.labelTopicIds());
            EnrichedArticle seed = observer.enriched().get(first.publishedIds().get(0));
            assertEquals("Venezuela's Nicolas Maduro and Russia's Vladimir Putin", seed.title());
            assertEquals(List.of("diplomacy", "military"), seed.labels());
            assertTrue(observer.labelTopicIds().get("diplomacy").contains(seed.id()));
            assertTrue(observer.labelTopicIds().get("military").contains(seed.id()));
            assertTrue(!observer.labelTopicIds().get("energy").contains(seed.id()));
            assertEquals(Set.of(lateId), Set.copyOf(filterIds(observer, "energy", lateId)));

            // the poison pill is in the DLQ with its bytes and the reason
            assertEquals(1, observer.deadLetters().size());
            ConsumerRecord<String, byte[]> dead = observer.deadLetters().get(0);
            assertEquals("poison", dead.key());
            assertArrayEquals(poison, dead.value());
            assertEquals(topics.raw(), PipelineObserver.header(dead, "__streams.errors.topic"));
            assertTrue(PipelineObserver.header(dead, "__streams.errors.message").contains("not a valid Article JSON"));

            // files: every enriched event exactly once under enriched/, and under each of its labels
            Map<String, List<String>> files = SinkFiles.idsInFiles(out);
            assertEquals(new TreeSet<>(observer.enriched().keySet()),
                    new TreeSet<>(files.getOrDefault("enriched", List.of())));
            assertEquals(expected, files.get("enriched").size(), "no id twice in the files");
            observer.expectedLabelTopicIds().forEach((label, ids) ->
                    assertEquals(ids, new TreeSet<>(files.getOrDefault("topics/" + label, List.of())), label));
            try (Stream<Path> lines = Files.walk(out)) {
                for (Path p : lines.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                    for (String line : Files.readAllLines(p)) {
                        SchemaAssertions.assertValid(SchemaAssertions.ENRICHED, line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    @Test
    void reIngestingAfterAnEnrichRestartGivesNoSecondEvent() throws Exception {
        Map<String, Object> client = KAFKA.clientConfig();
        Topics topics = new Topics("dedup.raw", "dedup.enriched", "dedup.topic.", "dedup.dlq", "dedup.mentions",
                "dedup.country.");
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        TopicAdmin.create(client, topics, enricher.labels(), Optional.of(1), Optional.of((short) 1));
        Map<String, Object> streamsClient = new HashMap<>(client);
        streamsClient.put(StreamsConfig.STATE_DIR_CONFIG, KAFKA.workDir().resolve("dedup-streams").toString());
        streamsClient.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test-enrich");
        // Static membership, as verify-delivery runs the stages: the second
        // instance takes over the first one's partitions at once instead of waiting out its session (45 s).
        streamsClient.put("group.instance.id", "dedup-test-enrich-instance");
        Path seed = Seeds.seedArticle();

        try (PipelineObserver observer = new PipelineObserver(client, topics, enricher.labels())) {
            try (StreamsService enrich = new StreamsService("enrich", EnrichTopology.build(topics, enricher),
                    EnrichTopology.config(streamsClient, topics))) {
                enrich.start(DEADLINE);
                Ingestor.run(client, topics, List.of(seed), Clock.systemUTC());
                await("the first ingest is enriched", () -> {
                    observer.poll(Duration.ofMillis(200));
                    return observer.enriched().size() == 1;
                });
            }
            // A new instance on the same state directory and application id: the dedup memory must survive.
            try (StreamsService enrich = new StreamsService("enrich", EnrichTopology.build(topics, enricher),
                    EnrichTopology.config(streamsClient, topics))) {
                enrich.start(DEADLINE);
                Ingestor.run(client, topics, List.of(seed), Clock.systemUTC());
                Ingestor.run(client, topics, List.of(Seeds.dir().resolve("001_diplomacy-un-vote-stateless-children.txt")),
                        Clock.systemUTC());
                await("the article after the repeat is enriched", () -> {
                    observer.poll(Duration.ofMillis(200));
                    return observer.enriched().size() == 2;
                });
            }
            assertEquals(Map.of(), observer.duplicates(), "the repeated seed was not enriched twice");
        }
    }

    private static List<String> filterIds(PipelineObserver observer, String label, String mustHave) {
        return observer.labelTopicIds().get(label).stream().filter(mustHave::equals).toList();
    }

    /** Ids found in the JSONL files, by "enriched" or "topics/<label>". */
    static void await(String what, BooleanSupplier condition) {
        io.newsflow.runtime.Await.until(what, DEADLINE, condition);
    }
}
