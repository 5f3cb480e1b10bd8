package io.newsflow.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.Enricher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The targets on the hand-labelled dev files in {@code ../shared/eval/topics/} (research-only, never in
 * the repository): skipped with a message where they are absent.
 */
class DevSetTest {
    static Path file(String name) {
        Path dir = Path.of("..", "..", "shared", "eval", "topics");
        for (Path base : new Path[]{Path.of("../shared/eval/topics"), dir, Path.of("../../../shared/eval/topics")}) {
            if (Files.isRegularFile(base.resolve(name))) {
                return base.resolve(name);
            }
        }
        Assumptions.abort("dev file ../shared/eval/topics/" + name + " is absent (research-only data, not in the "
                + "repository): skipping the dev-set targets");
        return null;
    }

    static TopicEvaluation.Report evaluate(Path f) throws Exception {
        Enricher e = Enricher.standard(Clock.systemUTC());
        return TopicEvaluation.evaluate(TopicEvaluation.read(f, e.labels()), e::entities, e.classifier(), null);
    }

    static double f1(TopicEvaluation.Report r, String label) {
        return r.perLabel().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().f1();
    }

    @Test
    void semevalDiplomacyAndMilitaryReachTheTarget() throws Exception {
        TopicEvaluation.Report r = evaluate(file("semeval-dev.jsonl"));
        assertTrue(f1(r, "diplomacy") >= 0.85 && f1(r, "military") >= 0.85, r::render);
    }

    @Test
    void reutersEnergyReachesTheTarget() throws Exception {
        TopicEvaluation.Report r = evaluate(file("reuters-energy-dev.jsonl"));
        assertTrue(f1(r, "energy") >= 0.95, r::render);
    }
}
