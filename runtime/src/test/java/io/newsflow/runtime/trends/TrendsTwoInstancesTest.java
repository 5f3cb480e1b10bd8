package io.newsflow.runtime.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Json;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.Topics;
import io.newsflow.runtime.KafkaCluster;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.trends.TrendsTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two trends instances of one application on a real broker: each owns half the partitions, and either answers every
 * query, a key's by forwarding to its owner and a global one by asking both and merging.
 */
class TrendsTwoInstancesTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();
    static final Topics TOPICS = new Topics("tti.raw", "tti.enriched", "tti.topic.", "tti.dlq", "tti.mentions",
            "tti.country.").withTrends("tti.trends");
    static final int PEOPLE = 16;
    static final Instant T = Instant.parse("2025-09-19T08:00:00Z");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TrendsService a;
    static TrendsService b;
    /** Articles per person key: person i is named in (i % 3) + 1 articles. */
    static final Map<String, Integer> EXPECTED = new HashMap<>();

    static TrendsService instance(String name) {
        Map<String, Object> base = KAFKA.clientConfig();
        base.put(StreamsConfig.APPLICATION_ID_CONFIG, "tti-trends");
        base.put(StreamsConfig.STATE_DIR_CONFIG, KAFKA.workDir().resolve("state-" + name).toString());
        base.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        Properties config = TrendsTopology.config(base, TOPICS);
        return new TrendsService(config, TOPICS, TrendsTopology.Options.DEFAULTS, "127.0.0.1:0");
    }

    static EnrichedArticle article(String id, int minute, String label, String... people) {
        StringBuilder title = new StringBuilder();
        List<Entity> entities = new ArrayList<>();
        for (String p : people) {
            if (!title.isEmpty()) {
                title.append(", ");
            }
            int start = title.length();
            title.append(p);
            entities.add(new Entity(p, EntityType.PERSON, List.of(new Mention(TextField.TITLE, start,
                    title.length()))));
        }
        Instant published = T.plusSeconds(60L * minute);
        return new EnrichedArticle(1, id, "test", null, title.toString(), "Body.", null, published, published, "en",
                entities, List.of(), List.of(label), "test-1", published);
    }

    @BeforeAll
    static void start() throws Exception {
        TopicAdmin.create(KAFKA.clientConfig(), TOPICS, List.of(), Optional.of(4), Optional.of((short) 1));
        a = instance("a");
        a.start(Duration.ofSeconds(60));
        b = instance("b");
        b.start(Duration.ofSeconds(60));
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String name = "Person Number" + (char) ('A' + i);
            EXPECTED.put("person:person-number" + (char) ('a' + i), i % 3 + 1);
            for (int n = 0; n <= i % 3; n++) {
                articles.add(article("p" + i + "-" + n, (i + n) % 15, n % 2 == 0 ? "energy" : "diplomacy", name));
            }
        }
        Map<String, Object> producer = KAFKA.clientConfig();
        producer.put("key.serializer", StringSerializer.class.getName());
        producer.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(producer)) {
            for (EnrichedArticle e : articles) {
                p.send(new ProducerRecord<>(TOPICS.enriched(), e.id(), Topics.ENRICHED_SERDE.toBytes(e))).get();
            }
        }
        // Both running, each owning partitions, and every count in: polled with a deadline.
        io.newsflow.runtime.Await.until("trends instances settled with every count", Duration.ofSeconds(90), () -> {
            if (!(owns(a, a.self()) && owns(a, b.self()) && running(a) && running(b))) {
                return false;
            }
            try {
                JsonNode top = getJson(a, "/api/trends?window=15m&type=PERSON&limit=50").body;
                return top != null && top.path("items").size() == PEOPLE && sum(top) == total();
            } catch (Exception notYet) {
                return false; // the instance is not answering yet: ask again
            }
        });
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static boolean running(TrendsService s) {
        return s.streams().state() == KafkaStreams.State.RUNNING;
    }

    static boolean owns(TrendsService asked, HostInfo host) {
        for (StreamsMetadata m : asked.streams().metadataForAllStreamsClients()) {
            if (m.hostInfo().equals(host) && !m.topicPartitions().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static long sum(JsonNode trends) {
        long s = 0;
        for (JsonNode item : trends.path("items")) {
            s += item.path("count").asLong();
        }
        return s;
    }

    static long total() {
        return EXPECTED.values().stream().mapToLong(Integer::longValue).sum();
    }

    record Answer(int status, JsonNode body) {
    }

    static Answer getJson(TrendsService s, String path, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.url(path))).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            r.headers(headers);
        }
        HttpResponse<byte[]> resp = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = Json.MAPPER.readTree(resp.body());
        return new Answer(resp.statusCode(), resp.statusCode() == 200 ? body : null);
    }

    static HostInfo owner(String key) {
        return a.streams().queryMetadataForKey("trends-15m", key, Serdes.String().serializer()).activeHost();
    }

    @Test
    void anInstanceAnswersForAKeyTheOtherOwns() throws Exception {
        String ofB = EXPECTED.keySet().stream().filter(k -> owner(k).equals(b.self())).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("no key owned by b"));
        JsonNode timeline = getJson(a, "/api/entities/" + ofB + "/timeline?window=15m").body;
        assertEquals(ofB, timeline.path("id").asText());
        assertEquals("15m", timeline.path("window").asText());
        JsonNode points = timeline.path("points");
        assertEquals(24, points.size());
        JsonNode last = points.get(23);
        assertEquals("2025-09-19T08:00:00Z", last.path("start").asText());
        assertEquals("2025-09-19T08:15:00Z", last.path("end").asText());
        assertEquals((long) EXPECTED.get(ofB), last.path("count").asLong());
        // The same answer as b's own.
        assertEquals(timeline, getJson(b, "/api/entities/" + ofB + "/timeline?window=15m").body);

        JsonNode articles = getJson(a, "/api/entities/" + ofB + "/articles?limit=10").body;
        assertEquals(EXPECTED.get(ofB).intValue(), articles.path("articles").size());

        // Marked as forwarded, a asks no one: it does not own the key, so it has nothing for it.
        assertEquals(404, getJson(a, "/api/entities/" + ofB + "/articles", TrendsApi.FORWARDED, "test").status());
    }

    @Test
    void topListsSearchAndLabelsMergeBothInstances() throws Exception {
        JsonNode top = getJson(a, "/api/trends?window=15m&type=PERSON&limit=50").body;
        assertEquals("2025-09-19T08:14:00Z", top.path("as_of").asText(), "the latest publish time");
        Set<HostInfo> owners = new HashSet<>();
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode item : top.path("items")) {
            counts.put(item.path("id").asText(), item.path("count").asLong());
            owners.add(owner(item.path("id").asText()));
            assertEquals(24, item.path("series").size());
        }
        assertEquals(Set.of(a.self(), b.self()), owners, "items from both instances");
        Map<String, Long> expected = new HashMap<>();
        EXPECTED.forEach((k, v) -> expected.put(k, (long) v));
        assertEquals(expected, counts);
        // Ordered by count, and cut at the limit after the merge.
        JsonNode three = getJson(b, "/api/trends?window=15m&type=PERSON&limit=3").body;
        assertEquals(3, three.path("items").size());
        for (JsonNode item : three.path("items")) {
            assertEquals(3, item.path("count").asLong());
        }

        JsonNode found = getJson(b, "/api/entities?q=person%20number&limit=100").body;
        assertEquals(PEOPLE, found.path("items").size());
        assertEquals(3, found.path("items").get(0).path("total").asLong());

        // Labels: person i's n-th article is energy for n = 0, 2 and diplomacy for n = 1.
        JsonNode labels = getJson(a, "/api/labels?window=1h").body.path("labels");
        long energy = 0;
        long diplomacy = 0;
        for (int i = 0; i < PEOPLE; i++) {
            for (int n = 0; n <= i % 3; n++) {
                if (n % 2 == 0) {
                    energy++;
                } else {
                    diplomacy++;
                }
            }
        }
        assertEquals(energy, labels.path("energy").get(23).path("count").asLong());
        assertEquals(diplomacy, labels.path("diplomacy").get(23).path("count").asLong());
        assertFalse(labels.has("military"));
    }

    @Test
    void badRequestsAreClientErrors() throws Exception {
        assertEquals(400, getJson(a, "/api/trends?window=2h").status());
        assertEquals(400, getJson(a, "/api/trends?type=PLANET").status());
        assertEquals(400, getJson(a, "/api/trends?limit=0").status());
        assertEquals(400, getJson(a, "/api/entities").status());
        assertEquals(404, getJson(a, "/api/entities/nobody/articles").status());
        assertTrue(getJson(a, "/api/trends?as_of=yesterday").status() == 400);
    }
}
