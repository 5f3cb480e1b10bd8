package io.newsflow.tools.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.enrich.topics.LinearTopicModel;
import io.newsflow.enrich.topics.Taxonomy;
import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.enrich.topics.TopicFeatures;
import io.newsflow.events.Article;
import io.newsflow.events.EvidenceSpan;
import io.newsflow.events.TopicScore;
import io.newsflow.tools.topics.TopicEvaluation.Example;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training on a small sample built here: a user's own label ("harvest", farm news) against other local news. The
 * sentences are written for this test; the model must separate them, explain itself, and round-trip.
 */
class TopicTrainerTest {
    /** A taxonomy with a label of the shipped kind (term-scored) and the user's own label. */
    static final String TAXONOMY = """
            {"version": "test-taxonomy", "labels": [
              {"id": "diplomacy", "threshold": 0.5, "calibration": {"midpoint": 3, "slope": 1},
               "terms": {"embassy": 2, "ambassador": 2, "treaty": 2}},
              {"id": "harvest", "threshold": 0.5, "calibration": {"midpoint": 3, "slope": 1},
               "terms": {"harvest": 2}}]}""";

    static final String[] FARM = {
        "Farmers in the valley began cutting wheat a week early after the dry spring.",
        "The barley crop came in heavier than last season, growers said.",
        "Combine harvesters worked through the night to beat the coming rain.",
        "Grain prices at the county co-operative fell as silos filled up.",
        "Orchard owners hired extra pickers for the apple harvest.",
        "Yields of maize were hit by hail in the northern fields.",
        "The agricultural board expects a record soybean crop this autumn.",
        "Tractors lined the lanes as farmers hauled hay to the barns."};
    static final String[] TOWN = {
        "The city council voted to repair the bridge over the river.",
        "The museum reopened its gallery of modern paintings on Saturday.",
        "Police closed the high street after a water main burst.",
        "The local football club signed a new goalkeeper for the season.",
        "Parents protested against plans to close the primary school.",
        "The library extended its opening hours during the exams.",
        "A new bus route will link the station with the hospital.",
        "The theatre company staged a comedy to a full house."};
    static final String[] SHARED = {
        "Officials said more details would follow next week.",
        "Residents were asked to share their views online.",
        "The weather is expected to stay warm through the weekend."};

    static List<Example> sample;
    static TopicTrainer.Result result;
    static Taxonomy taxonomy;

    static Article article(String id, String title, String body) {
        return new Article(1, id, "test", null, title, body, null, null, Instant.EPOCH, "en");
    }

    static List<Example> build(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean farm = i % 2 == 0;
            String[] own = farm ? FARM : TOWN;
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                body.append(own[r.nextInt(own.length)]).append("\n\n");
            }
            body.append(SHARED[r.nextInt(SHARED.length)]);
            String title = own[r.nextInt(own.length)];
            out.add(new Example(article("doc-" + i, title, body.toString()), farm ? Set.of("harvest") : Set.of(),
                    Set.of("harvest"), false, i < n / 2 ? "first" : "second"));
        }
        return out;
    }

    static TopicTrainer.Options options() {
        return new TopicTrainer.Options(List.of(new TopicFeatures.Config(true, 0.5, true, true)),
                new double[]{1e-2, 1e-3}, new double[]{1}, Set.of(), 4, 100, 7, 2, 1.0, 5, true, "test-model");
    }

    @BeforeAll
    static void train() {
        taxonomy = Taxonomy.parse(TAXONOMY, "test");
        sample = build(60, 1);
        result = new TopicTrainer(new TopicFeatures(taxonomy), sample, a -> List.of(), List.of("harvest"),
                options()).run(null);
    }

    @Test
    void crossValidationSeparatesTheBuiltSample() {
        TopicTrainer.LabelCv cv = result.cv().get(0);
        assertEquals("harvest", cv.label());
        assertEquals(4, cv.folds().size());
        assertTrue(cv.pooled().f1() >= 0.95, result::render);
        assertEquals(Set.of("first", "second"), cv.bySource().keySet());
        assertTrue(result.loco().containsKey("first"), "leave-one-corpus-out over two sources: " + result.render());
    }

    @Test
    void theModelLabelsNewArticlesItNeverSaw() {
        LearnedTopicClassifier c = new LearnedTopicClassifier(taxonomy, result.model());
        TopicClassifier.Result farm = c.classify(article("new-1", "Wet autumn delays the wheat harvest",
                "Farmers said the barley and wheat crop stood in wet fields.\n\nGrowers hope for a dry week so the "
                        + "combine harvesters can start."), List.of());
        TopicClassifier.Result town = c.classify(article("new-2", "Council approves the new bus route",
                "The city council said the bus route will serve the hospital and the library.\n\nThe museum "
                        + "welcomed the plan."), List.of());
        assertTrue(farm.labels().contains("harvest"), farm::toString);
        assertFalse(town.labels().contains("harvest"), town::toString);
    }

    @Test
    void aLabelWithoutAModelUsesTheTermScorerAndSaysSo() {
        LearnedTopicClassifier c = new LearnedTopicClassifier(taxonomy, result.model());
        TopicClassifier.Result r = c.classify(article("d", "Ambassador recalled",
                "The embassy said the ambassador would return after the treaty talks."), List.of());
        TopicScore diplomacy = r.topics().stream().filter(t -> t.label().equals("diplomacy")).findFirst().orElseThrow();
        TopicScore harvest = r.topics().stream().filter(t -> t.label().equals("harvest")).findFirst().orElseThrow();
        assertEquals(TopicScore.TERMS, diplomacy.model());
        assertEquals(TopicScore.LEARNED, harvest.model());
        assertTrue(r.labels().contains("diplomacy"), r::toString);
        assertFalse(c.learned("diplomacy"));
        assertTrue(c.learned("harvest"));
    }

    @Test
    void evidenceSpansPointAtTheirTextAndLeadWithTheStrongest() {
        LearnedTopicClassifier c = new LearnedTopicClassifier(taxonomy, result.model());
        Example ex = sample.get(0);
        TopicScore t = c.classify(ex.article(), List.of()).topics().stream()
                .filter(s -> s.label().equals("harvest")).findFirst().orElseThrow();
        assertFalse(t.evidenceSpans().isEmpty());
        assertFalse(t.evidence().isEmpty());
        double previous = Double.MAX_VALUE;
        for (EvidenceSpan s : t.evidenceSpans()) {
            assertEquals(s.text(), ex.article().field(s.field()).substring(s.start(), s.end()), s.toString());
            if (s.weight() > 0) {
                assertTrue(s.weight() <= previous + 1e-9, "positive spans strongest first: " + t.evidenceSpans());
                previous = s.weight();
            }
        }
    }

    @Test
    void sameDataAndSeedGiveTheSameBytes() throws Exception {
        TopicTrainer.Result again = new TopicTrainer(new TopicFeatures(taxonomy), build(60, 1), a -> List.of(),
                List.of("harvest"), options()).run(null);
        assertArrayEquals(bytes(result.model()), bytes(again.model()));
    }

    @Test
    void saveAndLoadKeepTheModel() throws Exception {
        byte[] b = bytes(result.model());
        LinearTopicModel back = LinearTopicModel.read(new ByteArrayInputStream(b), "memory");
        assertEquals(result.model().featureCount(), back.featureCount());
        assertEquals(result.model().config(), back.config());
        assertEquals(result.model().labels(), back.labels());
        assertArrayEquals(b, bytes(back));
        LearnedTopicClassifier before = new LearnedTopicClassifier(taxonomy, result.model());
        LearnedTopicClassifier after = new LearnedTopicClassifier(taxonomy, back);
        for (Example e : sample.subList(0, 10)) {
            assertEquals(before.classify(e.article(), List.of()), after.classify(e.article(), List.of()));
        }
    }

    @Test
    void aBrokenModelFileIsRefusedWithItsName() {
        LinearTopicModel.InvalidModelException e = assertThrows(LinearTopicModel.InvalidModelException.class,
                () -> LinearTopicModel.read(new ByteArrayInputStream("not gzip".getBytes()), "bad.tsv.gz"));
        assertTrue(e.getMessage().contains("bad.tsv.gz"), e.getMessage());
    }

    @Test
    void tooFewPositivesIsAClearError() {
        List<Example> none = build(10, 2).stream().map(e -> new Example(e.article(), Set.of(), e.judged(), false,
                e.source())).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicTrainer(
                new TopicFeatures(taxonomy), none, a -> List.of(), List.of("harvest"), options()));
        assertTrue(e.getMessage().contains("nothing to train"), e.getMessage());
    }

    @Test
    void withoutAModelEveryLabelIsScoredByTerms() {
        LearnedTopicClassifier c = new LearnedTopicClassifier(taxonomy, List.of());
        TopicClassifier.Result r = c.classify(sample.get(0).article(), List.of());
        assertTrue(r.topics().stream().allMatch(t -> TopicScore.TERMS.equals(t.model())));
        assertNull(c.model());
    }

    static byte[] bytes(LinearTopicModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }
}
