package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.CommandProcess;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import io.newsflow.runtime.KafkaCluster;
import io.newsflow.runtime.TopicAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow trends} as a user runs it (its own JVM, a real broker, stopped with SIGTERM): one address serves
 * the trend queries, the live page and its latest events, and the stage's health and metrics, and what it answers
 * matches the events written to the enriched topic.
 */
class TrendsStageTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Pattern SERVING = Pattern.compile("live page on (http://\\S+/)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneAddressServesQueriesPageEventsHealthAndMetrics(@TempDir Path tmp) throws Exception {
        Topics topics = new Topics("tstage.raw", "tstage.enriched", "tstage.topic.", "tstage.dlq", "tstage.mentions",
                "tstage.country.", "", "tstage.trends");
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        TopicAdmin.create(KAFKA.clientConfig(), topics, enricher.labels(), Optional.of(2), Optional.of((short) 1));
        Instant now = Instant.now();
        List<EnrichedArticle> events = List.of(
                enricher.enrich(new Article(1, "tstage-1", "wire", null, "Putin and Macron meet in Paris",
                        "PARIS (Wire) - Russian President Vladimir Putin met French President Emmanuel Macron in "
                                + "Paris on Monday to discuss a ceasefire, the Kremlin said.", null, now, now, "en")),
                enricher.enrich(new Article(1, "tstage-2", "wire", null, "Putin visits Beijing",
                        "BEIJING (Wire) - Russian President Vladimir Putin arrived in Beijing on Tuesday for talks "
                                + "with Chinese President Xi Jinping on trade and energy.", null, now, now, "en")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KAFKA.clientConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle e : events) {
                producer.send(new ProducerRecord<>(topics.enriched(), e.id(), Topics.ENRICHED_SERDE.toBytes(e))).get();
            }
        }
        Path config = tmp.resolve("newsflow.properties");
        Files.writeString(config, "topic.raw=tstage.raw\ntopic.enriched=tstage.enriched\ntopic.dlq=tstage.dlq\n"
                + "topic.mentions=tstage.mentions\ntopic.trends=tstage.trends\ntopic.label.prefix=tstage.topic.\n"
                + "trends.application.id=tstage-trends\n");
        try (CommandProcess trends = CommandProcess.start(SERVING, List.of("trends",
                "--bootstrap-server", KAFKA.bootstrapServers(), "--config", config.toString(),
                "--http", "127.0.0.1:0", "--state-dir", tmp.resolve("state").toString()))) {
            String base = trends.awaitMatch(DEADLINE);
            assertEquals(200, get(base + "health/live").statusCode());
            await(base + "health/ready", r -> r.statusCode() == 200, trends);
            // Both articles counted at their publish time, within the current hour: Putin twice, Xi once.
            HttpResponse<String> trend = await(base + "api/trends?window=1h&type=PERSON&limit=20",
                    r -> count(r.body(), "Vladimir Putin") == 2 && count(r.body(), "Xi Jinping") == 1, trends);
            assertEquals(1, count(trend.body(), "Emmanuel Macron"), trend.body());

            HttpResponse<String> page = get(base);
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("newsflow"), page.body());
            HttpResponse<String> latest = await(base + "api/events/latest?limit=10",
                    r -> r.body().contains("tstage-1") && r.body().contains("tstage-2"), trends);
            assertEquals(2, JSON.readTree(latest.body()).get("items").size(), latest.body());

            HttpResponse<String> metrics = await(base + "metrics",
                    r -> r.body().contains("newsflow_articles_in_total{stage=\"trends\"} 2.0"), trends);
            assertTrue(metrics.body().contains("kafka_stream"), "Kafka Streams' own metrics");
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics");
            assertTrue(trends.stop(Duration.ofSeconds(60)), "trends still running 60 s after SIGTERM");
        }
    }

    /** The count of the trending item named {@code name}, or -1 when it is not listed (or the answer is no JSON). */
    private static int count(String body, String name) {
        try {
            for (JsonNode item : JSON.readTree(body).path("items")) {
                if (item.path("name").asText().equals(name)) {
                    return item.path("count").asInt();
                }
            }
        } catch (java.io.IOException notJson) {
            return -1;
        }
        return -1;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until {@code ok} holds; fails with the last answer and the stage's output at the deadline. */
    private static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> ok, CommandProcess stage)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(url);
            if (ok.test(last)) {
                return last;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // between polls
        }
        throw new AssertionError(url + " never matched; last answer " + (last == null ? "none"
                : last.statusCode() + " " + last.body()) + "\n" + String.join("\n", stage.output()));
    }
}
