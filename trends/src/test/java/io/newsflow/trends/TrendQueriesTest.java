package io.newsflow.trends;

import static io.newsflow.trends.Articles.CARACAS;
import static io.newsflow.trends.Articles.MADURO;
import static io.newsflow.trends.Articles.MERZ;
import static io.newsflow.trends.Articles.OPEC;
import static io.newsflow.trends.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queries over stores filled by the real topology; every expected count is from the articles sent below. */
class TrendQueriesTest {
    static TopologyTestDriver driver;
    static final long AS_OF = at("10:20").toEpochMilli();

    static Instant at(String hhmm) {
        return Instant.parse("2025-09-19T" + hhmm + ":00Z");
    }

    @BeforeAll
    static void fill() {
        driver = new TopologyTestDriver(TrendsTopology.build(Topics.DEFAULTS), TrendsTopology.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS));
        TestInputTopic<String, EnrichedArticle> in = driver.createInputTopic("news.enriched", new StringSerializer(),
                Topics.ENRICHED_SERDE.serializer());
        List<EnrichedArticle> articles = new ArrayList<>();
        // Maduro: one article an hour 06:05 .. 09:05 (15 min windows 06:00, 07:00, 08:00, 09:00), then 5 at 10:1x.
        for (int h = 6; h <= 9; h++) {
            articles.add(article("m" + h, at("0" + h + ":05"), List.of("diplomacy"), MADURO));
        }
        for (int i = 0; i < 5; i++) {
            articles.add(article("m10-" + i, at("10:1" + i), List.of("diplomacy"), MADURO, CARACAS));
        }
        // Merz: 3 articles in the current window, none before.
        for (int i = 0; i < 3; i++) {
            articles.add(article("z" + i, at("10:1" + (5 + i)), List.of("energy"), MERZ, OPEC));
        }
        articles.add(article("now", at("10:20"), List.of(), OPEC));
        articles.forEach(a -> in.pipeInput(a.id(), a));
    }

    @AfterAll
    static void stop() {
        driver.close();
    }

    static WindowStore<String, Tally> store(TrendWindow w) {
        return driver.getWindowStore(w.storeName());
    }

    static KeyValueStore<String, EntityInfo> entities() {
        return driver.getKeyValueStore(TrendsTopology.ENTITIES_STORE);
    }

    @Test
    void topPeopleOfTheCurrentWindowWithSpikeAndSeries() {
        // As of 10:20 the current 15 min window is [10:15, 10:30): Merz 3 (z0, z1, z2); Maduro's 10:10 .. 10:14 are
        // all in [10:00, 10:15), so he has none there.
        List<Answers.TrendItem> top = TrendQueries.top(store(TrendWindow.M15), entities(), TrendWindow.M15, "PERSON", AS_OF, 10,
                TrendQueries.Sort.COUNT);
        assertEquals(List.of("Q58012"), top.stream().map(Answers.TrendItem::id).toList());
        Answers.TrendItem merz = top.get(0);
        assertEquals(3, merz.count());
        assertEquals("Friedrich Merz", merz.name());
        assertEquals("PERSON", merz.type());
        assertEquals(3.0, merz.spike(), 1e-9, "no history: z is the count");
        assertEquals(24, merz.series().size());
        assertEquals(3L, merz.series().get(23));

        // 1 h hopping: the current window is [09:30, 10:30): Maduro's 5 at 10:10..10:14, Merz's 3.
        List<Answers.TrendItem> hour = TrendQueries.top(store(TrendWindow.H1), entities(), TrendWindow.H1, "PERSON", AS_OF, 10,
                TrendQueries.Sort.COUNT);
        assertEquals(List.of("Q57413", "Q58012"), hour.stream().map(Answers.TrendItem::id).toList());
        Answers.TrendItem maduro = hour.get(0);
        assertEquals(5, maduro.count());
        // Series a size (1 h) apart ending at [09:30, 10:30): [08:30, 09:30) holds 09:05, [07:30, 08:30) 08:05,
        // [06:30, 07:30) 07:05, [05:30, 06:30) 06:05.
        List<Long> expected = new ArrayList<>(Collections.nCopies(24, 0L));
        expected.set(19, 1L);
        expected.set(20, 1L);
        expected.set(21, 1L);
        expected.set(22, 1L);
        expected.set(23, 5L);
        assertEquals(expected, maduro.series());
        // Baseline: four 1s and twenty 0s, mean 1/6, sd sqrt(4*(5/6)^2 + 20*(1/6)^2)/24) = sqrt(5)/6 < 1: z = 5 - 1/6.
        assertEquals(5 - 1.0 / 6, maduro.spike(), 1e-9);

        // Limit and type.
        assertEquals(1, TrendQueries.top(store(TrendWindow.H1), entities(), TrendWindow.H1, "PERSON", AS_OF, 1,
                TrendQueries.Sort.COUNT).size());
        assertEquals(List.of("organization:opec"), TrendQueries.top(store(TrendWindow.M15), entities(), TrendWindow.M15,
                "ORGANIZATION", AS_OF, 5, TrendQueries.Sort.COUNT).stream().map(Answers.TrendItem::id).toList());
        // By spike: VE 5 over a baseline of four 1s (Maduro's hourly articles) scores 5 - 1/6, DE 3 over nothing 3.
        assertEquals(List.of("country:VE", "country:DE"), TrendQueries.top(store(TrendWindow.H1), entities(), TrendWindow.H1,
                "COUNTRY", AS_OF, 5, TrendQueries.Sort.SPIKE).stream().map(Answers.TrendItem::id).toList());
    }

    @Test
    void timelineGivesTheLastWindowsOfAKey() {
        Answers.Timeline t = TrendQueries.timeline(store(TrendWindow.M15), entities(), TrendWindow.M15, "Q57413",
                AS_OF, 24);
        assertEquals("Nicolás Maduro", t.name());
        assertEquals(24, t.points().size());
        Answers.Point last = t.points().get(23);
        assertEquals(at("10:15"), last.start());
        assertEquals(at("10:30"), last.end());
        assertEquals(0, last.count());
        assertEquals(5, t.points().get(22).count(), "[10:00, 10:15)");
        assertEquals(0, t.points().get(19).count(), "[09:15, 09:30)");
        assertEquals(1, t.points().get(18).count(), "[09:00, 09:15) holds 09:05");
        assertEquals(at("09:00"), t.points().get(18).start());
        assertEquals(4 + 5, t.points().stream().mapToLong(Answers.Point::count).sum());
    }

    @Test
    void labelsGiveEachLabelsPoints() {
        Map<String, List<Answers.Point>> labels = TrendQueries.labels(store(TrendWindow.H1), TrendWindow.H1, AS_OF);
        assertEquals(List.of("diplomacy", "energy"), new ArrayList<>(labels.keySet()));
        List<Answers.Point> energy = labels.get("energy");
        assertEquals(24, energy.size());
        assertEquals(3, energy.get(23).count());
        assertEquals(5, labels.get("diplomacy").get(23).count());
    }

    @Test
    void searchFindsEntitiesByFoldedNameAndId() {
        assertEquals(List.of(new Answers.EntityMatch("Q57413", "Nicolás Maduro", "PERSON", 9)),
                TrendQueries.search(entities(), "maduro", 10));
        assertEquals(List.of("Q57413"), TrendQueries.search(entities(), "NICOLAS", 10).stream()
                .map(Answers.EntityMatch::id).toList());
        assertEquals(List.of("Q58012"), TrendQueries.search(entities(), "q58012", 10).stream()
                .map(Answers.EntityMatch::id).toList());
        // Every name holds a "c": most articles first, Maduro 9, Caracas 5, OPEC 4, Merz 3.
        assertEquals(List.of("Q57413", "Q1533", "organization:opec", "Q58012"), TrendQueries.search(entities(), "c",
                10).stream()
                .map(Answers.EntityMatch::id).toList());
        assertEquals(List.of(), TrendQueries.search(entities(), "nobody", 10));
    }

    @Test
    void articlesOfAnEntityNewestFirst() {
        Answers.EntityArticles a = TrendQueries.articles(entities(), "Q58012", 2);
        assertEquals(List.of("z2", "z1"), a.articles().stream().map(ArticleRef::id).toList());
        assertEquals(List.of("energy"), a.articles().get(0).labels());
        assertEquals(at("10:17"), a.articles().get(0).published());
        assertNull(TrendQueries.articles(entities(), "Q1", 5));
    }

    @Test
    void theClockIsTheLatestRecordTime() {
        assertEquals(at("10:20"), TrendQueries.clock(driver.getKeyValueStore(TrendsTopology.CLOCK_STORE)));
    }

    @Test
    void mergeOrdersAndCutsAcrossInstances() {
        Answers.TrendItem a = new Answers.TrendItem("a", "A", "PERSON", 5, 1.0, List.of());
        Answers.TrendItem b = new Answers.TrendItem("b", "B", "PERSON", 7, 0.5, List.of());
        Answers.TrendItem c = new Answers.TrendItem("c", "C", "PERSON", 1, 9.0, List.of());
        Instant t = at("10:00");
        assertEquals(List.of("b", "a"), TrendMerge.trends("1h", "PERSON", t, List.of(
                new Answers.Trends("1h", "PERSON", t, List.of(a, c)),
                new Answers.Trends("1h", "PERSON", t, List.of(b))), 2, TrendQueries.Sort.COUNT).items().stream()
                .map(Answers.TrendItem::id).toList());
        assertEquals(List.of("c", "a", "b"), TrendMerge.trends("1h", "PERSON", t, List.of(
                new Answers.Trends("1h", "PERSON", t, List.of(a, c)),
                new Answers.Trends("1h", "PERSON", t, List.of(b))), 5, TrendQueries.Sort.SPIKE).items().stream()
                .map(Answers.TrendItem::id).toList());
        assertEquals(at("10:20"), TrendMerge.clock(java.util.Arrays.asList(null, at("10:20"), t)));
    }
}
