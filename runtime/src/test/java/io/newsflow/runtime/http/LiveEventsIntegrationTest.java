package io.newsflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Json;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.TopicScore;
import io.newsflow.events.Topics;
import io.newsflow.runtime.KafkaCluster;
import io.newsflow.runtime.TopicAdmin;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live events on a real broker: what a page opened late sees, the stored JSON, and the event stream. */
class LiveEventsIntegrationTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();
    private static final Topics TOPICS = new Topics("live-test.raw", "live-test.enriched", "live-test.label.",
            "live-test.dlq");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static KafkaProducer<String, byte[]> producer;
    private static LiveEvents live;
    private static HttpEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        TopicAdmin.create(KAFKA.clientConfig(), TOPICS, List.of(), Optional.of(2), Optional.of((short) 1));
        Properties p = new Properties();
        p.putAll(KAFKA.clientConfig());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "live-events-test");
        producer = new KafkaProducer<>(p);
        producer.initTransactions();
        // Before the page's reader starts: it must read these back from the topic.
        send(event("early-1", "First early story"));
        send(event("early-2", "Second early story"));
        endpoint = HttpEndpoint.start("127.0.0.1:0");
        live = new LiveEvents(KAFKA.clientConfig(), TOPICS, 50, Duration.ofMillis(200)).register(endpoint);
        awaitTrue("the early events read back", () -> live.size() >= 2);
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    static EnrichedArticle event(String id, String title) {
        return new EnrichedArticle(1, id, "test", null, title, "body", null, Instant.parse("2026-12-02T09:00:00Z"),
                Instant.parse("2026-12-02T09:00:01Z"), "en",
                List.of(new Entity("Poland", EntityType.LOCATION, List.of(new Mention(TextField.BODY, 0, 6)), "PL",
                        "Q36")),
                List.of(new TopicScore("military", 0.75, List.of("troops"))), List.of("military"), "test",
                Instant.parse("2026-12-02T09:00:02Z"));
    }

    static byte[] send(EnrichedArticle e) {
        byte[] value = Topics.ENRICHED_SERDE.toBytes(e);
        sendBytes(e.id(), value, true);
        return value;
    }

    static void sendBytes(String key, byte[] value, boolean commit) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPICS.enriched(), key, value));
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(endpoint.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> latestIds() throws Exception {
        HttpResponse<String> r = get("/api/events/latest?limit=50");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode items = Json.MAPPER.readTree(r.body()).get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.get("id").asText())
                .toList();
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        io.newsflow.runtime.Await.until(what, Duration.ofSeconds(30), condition);
    }

    @Test
    void theLatestSummariesAndTheStoredJsonOfOneEvent() throws Exception {
        List<String> ids = latestIds();
        assertTrue(ids.containsAll(List.of("early-1", "early-2")), ids.toString());
        JsonNode first = Json.MAPPER.readTree(get("/api/events/latest?limit=50").body()).get("items").get(0);
        assertEquals("military", first.get("labels").get(0).get("label").asText());
        assertEquals(0.75, first.get("labels").get(0).get("score").asDouble());
        assertEquals("Q36", first.get("entities").get(0).get("id").asText());
        assertEquals("LOCATION", first.get("entities").get(0).get("type").asText());

        HttpResponse<String> one = get("/api/events/early-1");
        assertEquals(200, one.statusCode());
        assertEquals(new String(Topics.ENRICHED_SERDE.toBytes(event("early-1", "First early story")),
                StandardCharsets.UTF_8), one.body(), "the event's JSON as stored, byte for byte");

        assertEquals(404, get("/api/events/nobody").statusCode());
        assertEquals(400, get("/api/events/latest?limit=0").statusCode());
        assertEquals(400, get("/api/events/latest?limit=lots").statusCode());
    }

    @Test
    void theStreamPushesEachNewCommittedEventWithHeartbeatsAndSkipsWhatCannotBeRead() throws Exception {
        HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(URI.create(endpoint.url(
                "/api/events/stream"))).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        InputStream body = r.body();
        Thread reading = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                lines.add("<closed>");
            }
        });
        reading.setDaemon(true);
        reading.start();
        awaitTrue("the stream registered", () -> live.streams() == 1);

        sendBytes("aborted", Topics.ENRICHED_SERDE.toBytes(event("aborted", "Aborted story")), false);
        sendBytes("garbage", "{not json".getBytes(StandardCharsets.UTF_8), true);
        send(event("live-1", "A story that arrives while the page is open"));

        String data = null;
        boolean heartbeat = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((data == null || !heartbeat) && System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("data: ")) {
                assertTrue(data == null, "one event only (the aborted and the garbage one are not sent): " + line);
                data = line.substring("data: ".length());
            } else if (line.equals(": heartbeat")) {
                heartbeat = true;
            }
        }
        assertTrue(data != null, "no event on the stream within 30 s");
        assertTrue(heartbeat, "no heartbeat within 30 s (every 200 ms here)");
        JsonNode s = Json.MAPPER.readTree(data);
        assertEquals("live-1", s.get("id").asText());
        assertEquals("A story that arrives while the page is open", s.get("title").asText());
        List<String> ids = latestIds();
        assertEquals("live-1", ids.get(0), ids.toString());
        assertFalse(ids.contains("aborted"), "read_committed: an aborted event is never shown");

        // The page goes away: the next heartbeat's write fails and the stream is dropped without an error.
        body.close();
        awaitTrue("the closed stream dropped", () -> live.streams() == 0);
    }
}
