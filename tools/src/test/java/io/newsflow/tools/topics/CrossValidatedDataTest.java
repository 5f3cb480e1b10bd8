package io.newsflow.tools.topics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.enrich.topics.TopicFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped model's training setting, cross-validated on the hand-labelled files in ../shared/eval/topics
 * (research-only, never in the repository; skipped with a message where absent). The shipped model was trained on
 * these files, so scoring it on them would say nothing: only out-of-fold and left-out-corpus figures are checked.
 */
class CrossValidatedDataTest {
    static Path file(String name) {
        for (Path base : new Path[]{Path.of("../shared/eval/topics"), Path.of("../../shared/eval/topics"),
            Path.of("../../../shared/eval/topics")}) {
            if (Files.isRegularFile(base.resolve(name))) {
                return base.resolve(name);
            }
        }
        Assumptions.abort("../shared/eval/topics/" + name + " is absent (research-only data, not in the "
                + "repository): skipping the cross-validated figures");
        return null;
    }

    @Test
    void diplomacyAndMilitaryHoldOutOfFoldAndOnWebNewsLeftOut() throws Exception {
        Path semeval = file("semeval-dev.jsonl");
        Path conll = file("conll-topics.jsonl");
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        LearnedTopicClassifier shipped = (LearnedTopicClassifier) enricher.classifier();
        TopicTrainer.Setting setting = TopicTrainer.Setting.parse(shipped.model().info().path("setting").asText());
        List<TopicEvaluation.Example> examples = new ArrayList<>();
        examples.addAll(TopicEvaluation.read(semeval, enricher.labels()));
        examples.addAll(TopicEvaluation.read(conll, enricher.labels()));
        TopicTrainer.Options options = new TopicTrainer.Options(List.of(setting.config()),
                new double[]{setting.lambda()}, new double[]{setting.boost()}, Set.of(), 5, 200, 42, 2, 1.0, 5, false,
                "cv-test");
        TopicTrainer.Result r = new TopicTrainer(new TopicFeatures(shipped.taxonomy()), examples,
                enricher::entities, List.of("diplomacy", "military"), options).run(null);
        for (TopicTrainer.LabelCv cv : r.cv()) {
            assertTrue(cv.pooled().f1() >= 0.78, cv.label() + "\n" + r.render());
        }
        for (String label : List.of("diplomacy", "military")) {
            TopicTrainer.Counts left = r.loco().get("semeval-dev").get(label);
            assertTrue(left.f1() >= 0.7, label + " trained without semeval-dev, scored on it\n" + r.render());
        }
    }
}
