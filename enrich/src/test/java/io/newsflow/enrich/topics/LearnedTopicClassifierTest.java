package io.newsflow.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EvidenceSpan;
import io.newsflow.events.Seeds;
import io.newsflow.events.TopicScore;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped topic model through the real enricher: seed labels, explanations, and bounded work on bad input. */
class LearnedTopicClassifierTest {
    static final Enricher ENRICHER = Enricher.standard(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void theShippedModelCoversTheShippedLabels() {
        LearnedTopicClassifier c = (LearnedTopicClassifier) ENRICHER.classifier();
        assertNotNull(c.model(), "topics/topic-model.tsv.gz must ship in the jar");
        for (String label : List.of("diplomacy", "military", "energy")) {
            assertTrue(c.learned(label), label + " has a trained model");
        }
        assertTrue(ENRICHER.version().contains(c.model().version()), ENRICHER.version());
    }

    @Test
    void theSeedArticleIsStillDiplomacyAndMilitary() throws Exception {
        Article seed = ((SourceItem.Parsed) ArticleFiles.fromText("seed", Files.readString(Seeds.seedArticle()),
                Instant.EPOCH)).article();
        EnrichedArticle e = ENRICHER.enrich(seed);
        assertTrue(e.labels().contains("diplomacy") && e.labels().contains("military"), e.topics().toString());
        assertTrue(e.topics().stream().allMatch(t -> TopicScore.LEARNED.equals(t.model())));
    }

    @Test
    void everyEvidenceSpanOfEverySeedPointsAtItsText() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Seeds.seedArticle().getParent())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(files.size() >= 10, files::toString);
        int spans = 0;
        for (Path f : files) {
            if (!(ArticleFiles.fromText(f.toString(), Files.readString(f), Instant.EPOCH)
                    instanceof SourceItem.Parsed parsed)) {
                continue;
            }
            Article a = parsed.article();
            for (TopicScore t : ENRICHER.enrich(a).topics()) {
                for (EvidenceSpan s : t.evidenceSpans()) {
                    assertEquals(s.text(), a.field(s.field()).substring(s.start(), s.end()), f + " " + t.label());
                    spans++;
                }
                boolean anyNegative = t.evidenceSpans().stream().anyMatch(s -> s.weight() < 0);
                assertTrue(t.evidenceSpans().stream().filter(s -> s.weight() < 0).count() <= 6, t::toString);
                if (anyNegative) {
                    assertTrue(t.evidenceSpans().get(t.evidenceSpans().size() - 1).weight() < 0,
                            "negative evidence comes after the positive: " + t.evidenceSpans());
                }
            }
        }
        assertTrue(spans > 50, "spans checked: " + spans);
    }

    /**
     * 1 MB of repeated taxonomy terms costs about four times what 256 KB costs: the work (words, matches,
     * comparisons, look-ups) is counted, not timed. A quadratic step would make the ratio 16.
     */
    @Test
    void repeatedTermsCostLinearWork() {
        LearnedTopicClassifier c = (LearnedTopicClassifier) ENRICHER.classifier();
        List<Long> work = new ArrayList<>();
        for (String phrase : List.of("gas ", "troops embassy oil ", "natural gas pipeline ")) {
            long small = c.work(repeated(phrase, 256 * 1024), List.of());
            long large = c.work(repeated(phrase, 1024 * 1024), List.of());
            double ratio = (double) large / small;
            assertTrue(ratio > 3.5 && ratio < 5.0, phrase + ": work x" + ratio + " for 4x the text");
            work.add(large);
        }
        TopicClassifier.Result r = c.classify(repeated("gas ", 1024 * 1024), List.of());
        assertEquals(3, r.topics().size());
        assertTrue(work.get(0) > 262_144, "the work counter counts: " + work);
    }

    /** An article whose body is {@code phrase} repeated to at least {@code size} characters. */
    static Article repeated(String phrase, int size) {
        String body = phrase.repeat((size + phrase.length() - 1) / phrase.length());
        return new Article(Article.SCHEMA_VERSION, "repeated-" + size, "test", null, "Repeated terms", body, null,
                null, Instant.EPOCH, "en");
    }
}
