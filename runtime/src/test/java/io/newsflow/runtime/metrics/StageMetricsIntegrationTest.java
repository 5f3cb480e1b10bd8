package io.newsflow.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Seeds;
import io.newsflow.events.Topics;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import io.newsflow.runtime.KafkaCluster;
import io.newsflow.runtime.SinkService;
import io.newsflow.runtime.StreamsService;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.sink.RotationPolicy;
import io.newsflow.sink.SinkTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Enrich and the sink on a real broker, each with its monitor on a free port: readiness is 503 until the Streams
 * client runs, then 200 with its partitions; /metrics parses as Prometheus text with the JVM, Kafka Streams and
 * newsflow families, and newsflow's counts match what was sent (good articles, a poison pill, a record whose key
 * is not its id), and the sink's files and bytes match what is on disk.
 */
class StageMetricsIntegrationTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();

    static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthAndCountsOfEnrichAndSink(@TempDir Path out) throws Exception {
        Map<String, Object> client = KAFKA.clientConfig();
        Topics topics = new Topics("metrics.raw", "metrics.enriched", "metrics.topic.", "metrics.dlq",
                "metrics.mentions", "metrics.country.");
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        TopicAdmin.create(client, topics, enricher.labels(), Optional.of(1), Optional.of((short) 1));
        Map<String, Object> streamsClient = new HashMap<>(client);
        streamsClient.put(StreamsConfig.STATE_DIR_CONFIG, KAFKA.workDir().resolve("metrics-streams").toString());

        try (StageMonitor enrichMonitor = StageMonitor.start("enrich", "127.0.0.1:0", 10_000);
             StageMonitor sinkMonitor = StageMonitor.start("sink", "127.0.0.1:0", 10_000)) {
            // Liveness and readiness answer before the stage exists.
            assertEquals(200, get(enrichMonitor, "/health/live").statusCode());
            HttpResponse<String> starting = get(enrichMonitor, "/health/ready");
            assertEquals(503, starting.statusCode());
            assertEquals("starting", JSON.readTree(starting.body()).get("reason").asText());

            Properties enrichConfig = EnrichTopology.config(streamsClient, topics);
            enrichConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test-enrich");
            Properties routerConfig = SinkTopology.config(streamsClient, topics);
            routerConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test-sink-router");
            Map<String, Object> filesClient = new HashMap<>(client);
            filesClient.put("group.id", "metrics-test-sink-files");

            try (StreamsService enrich = new StreamsService("enrich", EnrichTopology.build(topics, enricher,
                    EnrichTopology.Options.DEFAULTS, enrichMonitor.meters()), enrichMonitor.withMeters(enrichConfig));
                 SinkService sink = new SinkService(filesClient, routerConfig, topics, out,
                         RotationPolicy.INTERACTIVE, SinkTopology.Options.DEFAULTS, sinkMonitor.meters())) {
                enrichMonitor.watch(enrich);
                sinkMonitor.watch(sink.router());

                HttpResponse<String> created = get(enrichMonitor, "/health/ready");
                assertEquals(503, created.statusCode());
                JsonNode createdBody = JSON.readTree(created.body());
                assertEquals("CREATED", createdBody.get("state").asText());
                assertEquals("state is CREATED, not RUNNING", createdBody.get("reason").asText());

                enrich.start(DEADLINE);
                sink.start(DEADLINE);
                await("enrich ready", () -> get(enrichMonitor, "/health/ready").statusCode() == 200);
                JsonNode ready = JSON.readTree(get(enrichMonitor, "/health/ready").body());
                assertEquals("RUNNING", ready.get("state").asText());
                assertEquals("[\"metrics.raw-0\"]", ready.get("assignment").toString());
                assertTrue(ready.get("lag").asLong() >= 0, ready.toString());
                assertEquals(10_000, ready.get("max_lag").asLong());
                await("sink ready", () -> get(sinkMonitor, "/health/ready").statusCode() == 200);

                // Four good articles, a poison pill (unreadable), and a good article under a key that is not its id.
                List<Path> seeds;
                try (Stream<Path> files = Files.list(Seeds.dir())) {
                    seeds = files.filter(p -> p.getFileName().toString().matches("00[1-4]_.*\\.txt")).sorted()
                            .toList();
                }
                assertEquals(4, seeds.size());
                IngestSummary summary = Ingestor.run(client, topics, seeds, Clock.systemUTC());
                assertEquals(4, summary.published(), summary.render());
                ConsumerRecord<String, byte[]> first = KAFKA.readAll(topics.raw()).get(0);
                try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                        KAFKA.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                    raw.send(new ProducerRecord<>(topics.raw(), utf8("poison"), utf8("{\"schema_version\":1,\"id\":")))
                            .get();
                    raw.send(new ProducerRecord<>(topics.raw(), utf8("not-its-id"), first.value())).get();
                }

                Map<String, String> enrichTag = Map.of("stage", "enrich");
                Map<String, String> sinkTag = Map.of("stage", "sink");
                await("enrich counted 6 in, the sink wrote 4 events to files", () -> {
                    PrometheusText m = metrics(enrichMonitor);
                    return m.value("newsflow_articles_in_total", enrichTag) == 6
                            && m.value("newsflow_articles_out_total", enrichTag) == 4
                            && sink.files().written() == 4;
                });
                PrometheusText e = metrics(enrichMonitor);
                assertTrue(e.families().stream().anyMatch(f -> f.startsWith("jvm_memory_")), e.families().toString());
                // The GC binder's gauges are there from the start (pauses only once a collection has happened).
                assertTrue(e.families().contains("jvm_gc_live_data_size_bytes")
                        && e.families().contains("jvm_gc_memory_allocated_bytes_total"), e.families().toString());
                assertTrue(e.families().contains("jvm_threads_live_threads"), e.families().toString());
                assertTrue(e.families().contains("jvm_classes_loaded_classes"), e.families().toString());
                assertTrue(e.families().contains("system_cpu_count"), e.families().toString());
                assertTrue(e.families().stream().anyMatch(f -> f.startsWith("kafka_stream_")), e.families().toString());
                assertEquals(Map.of("SerializationException", 1.0, "InvalidEventException", 1.0),
                        e.byLabel("newsflow_dead_letters_total", "reason", enrichTag));
                assertEquals(4, e.value("newsflow_enrich_duration_seconds_count", enrichTag));
                assertEquals(4, e.value("newsflow_article_entities_count", enrichTag));
                assertTrue(e.value("newsflow_article_entities_sum", enrichTag) > 0, "the seeds name people and places");
                // Seeds 001-004: two diplomacy and two military articles (their file names say so).
                Map<String, Double> labels = e.byLabel("newsflow_events_total", "label", enrichTag);
                assertEquals(2.0, labels.get("diplomacy"), labels.toString());
                assertEquals(2.0, labels.get("military"), labels.toString());
                assertTrue(e.value("newsflow_consumer_lag", enrichTag) >= 0);

                PrometheusText s = metrics(sinkMonitor);
                assertEquals(4, s.value("newsflow_articles_in_total", sinkTag));
                assertEquals(4, s.value("newsflow_articles_out_total", sinkTag));
                List<Path> jsonl;
                try (Stream<Path> files = Files.walk(out)) {
                    jsonl = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
                }
                long bytes = 0;
                for (Path p : jsonl) {
                    bytes += Files.size(p);
                }
                assertEquals(jsonl.size(), s.value("newsflow_files_written_total", sinkTag));
                assertEquals(bytes, s.value("newsflow_bytes_written_total", sinkTag));
                assertTrue(Double.isNaN(s.value("newsflow_dead_letters_total", sinkTag)), "no dead letters in the sink");
                assertTrue(Double.isNaN(s.value("newsflow_enrich_duration_seconds_count", sinkTag)),
                        "the sink shows no enrich meters");
                assertTrue(s.value("newsflow_consumer_lag", sinkTag) >= 0);
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(StageMonitor monitor, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(monitor.endpoint().url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    static PrometheusText metrics(StageMonitor monitor) {
        HttpResponse<String> r = get(monitor, "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return new PrometheusText(r.body());
    }

    static void await(String what, BooleanSupplier condition) {
        io.newsflow.runtime.Await.until(what, DEADLINE, condition);
    }
}
