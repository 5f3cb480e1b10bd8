package io.newsflow.trends;

import static io.newsflow.trends.Articles.CARACAS;
import static io.newsflow.trends.Articles.MADURO;
import static io.newsflow.trends.Articles.MERZ;
import static io.newsflow.trends.Articles.OPEC;
import static io.newsflow.trends.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.Topics;
import io.newsflow.events.TrendEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrendsTopologyTest {
    static final Instant T0 = Instant.parse("2025-09-19T08:00:00Z");
    TopologyTestDriver driver;
    TestInputTopic<String, EnrichedArticle> enriched;
    TestOutputTopic<String, byte[]> trends;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(TrendsTopology.build(Topics.DEFAULTS), TrendsTopology.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                // Emit-final checks for closed windows at most once a second of wall-clock time; the driver's
                // clock stands still, so every record is a chance to emit here.
                StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, 0L), Topics.DEFAULTS));
        enriched = driver.createInputTopic("news.enriched", new StringSerializer(),
                Topics.ENRICHED_SERDE.serializer());
        trends = driver.createOutputTopic("news.trends", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Publish time decides the window; the record's own timestamp (here: far later) does not. */
    void send(EnrichedArticle a) {
        enriched.pipeInput(a.id(), a, Instant.parse("2030-01-01T00:00:00Z"));
    }

    long count(TrendWindow w, String key, Instant start) {
        WindowStore<String, Tally> store = driver.getWindowStore(w.storeName());
        Tally t = store.fetch(key, start.toEpochMilli());
        return t == null ? 0 : t.count();
    }

    List<TrendEvent> emitted() {
        return trends.readValuesToList().stream().map(b -> {
            SchemaAssertions.assertValid(SchemaAssertions.TREND, b);
            return Topics.TREND_SERDE.fromBytes(b);
        }).toList();
    }

    static Instant at(String hhmm) {
        return Instant.parse("2025-09-19T" + hhmm + ":00Z");
    }

    @Test
    void countsArticlesPerEntityLabelAndCountryInEachWindow() {
        send(article("a1", at("08:01"), List.of("diplomacy"), MADURO, CARACAS));
        send(article("a2", at("08:07"), List.of("diplomacy", "energy"), MADURO, OPEC));
        // Two entities of one article with the same Wikidata id count once.
        send(article("a3", at("08:14"), List.of(), MADURO, MADURO));
        send(article("a4", at("08:20"), List.of("energy"), MADURO, MERZ));

        assertEquals(3, count(TrendWindow.M15, "Q57413", at("08:00")));
        assertEquals(1, count(TrendWindow.M15, "Q57413", at("08:15")));
        assertEquals(1, count(TrendWindow.M15, "organization:opec", at("08:00")));
        assertEquals(2, count(TrendWindow.M15, "label:diplomacy", at("08:00")));
        assertEquals(1, count(TrendWindow.M15, "label:energy", at("08:00")));
        assertEquals(1, count(TrendWindow.M15, "label:energy", at("08:15")));
        // Maduro and Caracas are both VE: article a1 counts once for the country; a4 adds DE through Merz.
        assertEquals(3, count(TrendWindow.M15, "country:VE", at("08:00")));
        assertEquals(1, count(TrendWindow.M15, "country:DE", at("08:15")));
        // 1 h hopping by 15 min: [08:00, 09:00) holds all four, [07:15, 08:15) the first three.
        assertEquals(4, count(TrendWindow.H1, "Q57413", at("08:00")));
        assertEquals(3, count(TrendWindow.H1, "Q57413", at("07:15")));
        assertEquals(1, count(TrendWindow.H1, "Q57413", at("08:15")));
        // 24 h hopping by 1 h: [2025-09-18T09:00, 2025-09-19T09:00) holds all four.
        assertEquals(4, count(TrendWindow.D24, "Q57413", Instant.parse("2025-09-18T09:00:00Z")));

        KeyValueStore<String, EntityInfo> entities = driver.getKeyValueStore(TrendsTopology.ENTITIES_STORE);
        EntityInfo maduro = entities.get("Q57413");
        assertEquals(4, maduro.total());
        assertEquals(List.of("a4", "a3", "a2", "a1"), maduro.articles().stream().map(ArticleRef::id).toList());
        assertEquals("PERSON", maduro.type());
        assertNull(entities.get("label:energy"), "labels have no entity record");
    }

    List<TrendEvent> emitted(String window, String id) {
        return emitted().stream().filter(t -> t.window().equals(window) && t.id().equals(id)).toList();
    }

    @Test
    void nothingIsWrittenForAWindowUntilItCloses() {
        send(article("a1", at("08:01"), List.of(), MADURO));
        // Stream time 09:14: the 15 min window [08:00, 08:15) closes at 08:15 + 1 h grace = 09:15.
        send(article("a2", at("09:14"), List.of(), MERZ));
        assertTrue(trends.isEmpty(), "no window has closed yet");
        send(article("a3", at("09:15"), List.of(), MERZ));
        List<TrendEvent> out = emitted();
        List<TrendEvent> maduro15 = out.stream().filter(t -> t.window().equals("15m") && t.id().equals("Q57413"))
                .toList();
        assertEquals(1, maduro15.size());
        TrendEvent e = maduro15.get(0);
        assertEquals(at("08:00"), e.windowStart());
        assertEquals(at("08:15"), e.windowEnd());
        assertEquals(1, e.count());
        assertEquals("PERSON", e.type());
        assertEquals("Nicolás Maduro", e.name());
        // [07:15, 08:15) of the 1 h windows closed too; [07:30, 08:30) and later ones hold 08:01 and are still open.
        assertEquals(List.of(at("07:15")), out.stream().filter(t -> t.window().equals("1h") && t.id().equals("Q57413"))
                .map(TrendEvent::windowStart).toList());
        // Merz's windows (09:14, 09:15) are all open.
        assertTrue(out.stream().noneMatch(t -> t.id().equals("Q58012")), out.toString());
    }

    @Test
    void aLateArticleWithinGraceIsCountedInItsWindow() {
        send(article("a1", at("08:05"), List.of(), MADURO));
        send(article("a2", at("09:00"), List.of(), MERZ));
        // 50 min late, but [08:00, 08:15) stays open until stream time 09:15.
        send(article("late", at("08:10"), List.of(), MADURO));
        assertEquals(2, count(TrendWindow.M15, "Q57413", at("08:00")));
        send(article("a3", at("09:15"), List.of(), MERZ));
        assertEquals(List.of(2L), emitted("15m", "Q57413").stream().map(TrendEvent::count).toList());
    }

    @Test
    void aLateArticleAfterGraceIsDroppedFromTheClosedWindowOnly() {
        send(article("a1", at("08:05"), List.of(), MADURO));
        // Stream time 09:20 closes [08:00, 08:15) (09:15) and writes its final count, 1.
        send(article("a2", at("09:20"), List.of(), MERZ));
        send(article("late", at("08:10"), List.of(), MADURO));
        assertEquals(1, count(TrendWindow.M15, "Q57413", at("08:00")), "dropped from the closed window");
        // The 1 h window [08:00, 09:00) closes at 10:00: the late article still counts there.
        assertEquals(2, count(TrendWindow.H1, "Q57413", at("08:00")));
        send(article("a3", at("11:00"), List.of(), MERZ));
        List<TrendEvent> out = emitted();
        assertEquals(List.of(1L), out.stream().filter(t -> t.window().equals("15m") && t.id().equals("Q57413"))
                .map(TrendEvent::count).toList(), "one final count, without the late article");
        assertEquals(2L, out.stream().filter(t -> t.window().equals("1h") && t.id().equals("Q57413")
                && t.windowStart().equals(at("08:00"))).findFirst().orElseThrow().count());
    }

    @Test
    void eachClosedWindowCarriesItsSpikeAgainstThePreviousWindows() {
        send(article("a1", at("08:01"), List.of(), MADURO));
        send(article("a2", at("08:16"), List.of(), MADURO));
        for (int i = 0; i < 4; i++) {
            send(article("b" + i, at("08:3" + i), List.of(), MADURO));
        }
        send(article("tick", at("09:45"), List.of(), MERZ));
        List<TrendEvent> out = emitted("15m", "Q57413");
        assertEquals(List.of(at("08:00"), at("08:15"), at("08:30")), out.stream().map(TrendEvent::windowStart).toList());
        assertEquals(List.of(1L, 1L, 4L), out.stream().map(TrendEvent::count).toList());
        // 08:00: no history, z = 1. 08:15: baseline one 1 and 23 zeros, mean 1/24, sd < 1, so z = 1 - 1/24.
        // 08:30: baseline 1, 1 and 22 zeros, mean 1/12, sd sqrt(11)/12 < 1, so z = 4 - 1/12 (SpikeScoreTest).
        assertEquals(1.0, out.get(0).spike(), 1e-9);
        assertEquals(1 - 1.0 / 24, out.get(1).spike(), 1e-9);
        assertEquals(4 - 1.0 / 12, out.get(2).spike(), 1e-9);
        assertEquals(1.0 / 12, out.get(2).baselineMean(), 1e-9);
        assertEquals(Math.sqrt(11) / 12, out.get(2).baselineSd(), 1e-9);
    }

    @Test
    void anArticleWithoutPublishTimeCountsAtItsIngestTime() {
        send(article("a1", null, at("08:20"), List.of(), MADURO));
        // A publish time far after the ingest time is a feed's error: the ingest time is used.
        send(article("a2", Instant.parse("2099-01-01T00:00:00Z"), at("08:25"), List.of(), MADURO));
        assertEquals(2, count(TrendWindow.M15, "Q57413", at("08:15")));
    }

    @Test
    void historyOlderThanEveryWindowIsNotCountedButIndexed() {
        send(article("now", at("12:00"), List.of(), MERZ));
        // A day and more before stream time: its last 24 h window, [2025-09-18T09:00, 2025-09-19T09:00), closed at
        // 10:00 (grace 1 h). Not counted in any window; the entity still lists the article.
        send(article("old", Instant.parse("2025-09-18T08:30:00Z"), List.of(), MADURO));
        assertEquals(0, count(TrendWindow.M15, "Q57413", Instant.parse("2025-09-18T08:30:00Z")));
        assertEquals(0, count(TrendWindow.D24, "Q57413", Instant.parse("2025-09-17T09:00:00Z")));
        KeyValueStore<String, EntityInfo> entities = driver.getKeyValueStore(TrendsTopology.ENTITIES_STORE);
        assertEquals(List.of("old"), entities.get("Q57413").articles().stream().map(ArticleRef::id).toList());
        // 11 h late: too late for 15 min and 1 h windows, still inside [2025-09-19T01:00, 2025-09-20T01:00).
        send(article("recent", at("01:00"), List.of(), MADURO));
        assertEquals(0, count(TrendWindow.M15, "Q57413", at("01:00")));
        assertEquals(1, count(TrendWindow.D24, "Q57413", at("01:00")));
    }

    @Test
    void everyKeysEveryClosedWindowIsWrittenOnce() {
        Articles.E[] people = new Articles.E[40];
        for (int i = 0; i < people.length; i++) {
            people[i] = new Articles.E("Person" + (char) ('A' + i / 26) + (char) ('a' + i % 26),
                    io.newsflow.events.EntityType.PERSON, null, null);
        }
        // One article a minute naming all 40, from 00:00 to 04:59.
        Instant t0 = Instant.parse("2025-09-19T00:00:00Z");
        for (int m = 0; m < 300; m++) {
            send(article("a" + m, t0.plusSeconds(60L * m), List.of(), people));
        }
        // Stream time 04:59: a 15 min window is closed once its end + 1 h <= 04:59, so the 15 windows ending
        // 00:15 .. 03:45; 1 h windows hopping by 15 min likewise end 00:15 .. 03:45 (15 of them, the first four
        // starting before midnight).
        Map<String, List<TrendEvent>> byWindow = emitted().stream()
                .collect(Collectors.groupingBy(TrendEvent::window));
        assertEquals(40 * 15, byWindow.get("15m").size());
        assertEquals(40 * 15, byWindow.get("1h").size());
        assertEquals(40 * 15, byWindow.get("15m").stream().map(t -> t.id() + t.windowStart()).distinct().count());
        assertTrue(byWindow.get("15m").stream().allMatch(t -> t.count() == 15), "15 articles each");
    }
}
