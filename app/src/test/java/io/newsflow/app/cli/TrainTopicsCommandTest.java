package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.CommandRun;
import io.newsflow.runtime.Exit;
import io.newsflow.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Train a model for your own label", end to end through the command line: the example taxonomy and
 * articles in docs/examples/topics, train-topics, eval-topics --cv, then scoring new articles with the user's model
 * beside the shipped one.
 */
class TrainTopicsCommandTest {
    static Path example(String name) {
        for (Path p : List.of(Path.of("docs/examples/topics", name), Path.of("../docs/examples/topics", name))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("docs/examples/topics/" + name + " is part of the repository and must exist");
    }

    @Test
    void trainCrossValidateAndScoreAUserLabel(@TempDir Path dir) throws Exception {
        Path taxonomy = example("taxonomy-harvest.json");
        Path model = dir.resolve("harvest-model.tsv.gz");
        CommandRun train = CommandRun.run("train-topics", "--taxonomy", taxonomy.toString(),
                "--labels", "harvest", "--train", example("harvest.jsonl").toString(), "--out", model.toString(),
                "--folds", "4", "--name", "harvest-1");
        assertEquals(0, train.code(), train.err() + train.out());
        assertTrue(train.out().contains("4-fold cross-validation") && train.out().contains("F1 per fold"),
                train.out());
        assertTrue(Files.size(model) > 100);

        CommandRun cv = CommandRun.run("eval-topics", "--taxonomy", taxonomy.toString(),
                "--topic-model", model.toString(), "--articles", example("harvest.jsonl").toString(), "--cv", "4");
        assertEquals(0, cv.code(), cv.err());
        assertTrue(cv.out().contains("harvest") && cv.out().contains("pooled"), cv.out());

        Path fresh = dir.resolve("new.jsonl");
        Files.write(fresh, List.of(
                "{\"id\": \"n1\", \"title\": \"Growers race to bring in the wheat\", \"body\": \"Farmers said the "
                        + "barley and wheat harvest would start early. Combine harvesters were out at dawn.\", "
                        + "\"labels\": [\"harvest\"]}",
                "{\"id\": \"n2\", \"title\": \"Embassy talks on the new treaty\", \"body\": \"The foreign ministers "
                        + "of both countries met the ambassador at the embassy to discuss the treaty.\", "
                        + "\"labels\": [\"diplomacy\"]}"));
        Path predictions = dir.resolve("pred.jsonl");
        CommandRun eval = CommandRun.run("eval-topics", "--taxonomy", taxonomy.toString(),
                "--topic-model", model.toString(), "--articles", fresh.toString(), "--predictions",
                predictions.toString());
        assertEquals(0, eval.code(), eval.err());
        List<String> lines = Files.readAllLines(predictions);
        JsonNode farm = Json.MAPPER.readTree(lines.get(0));
        JsonNode treaty = Json.MAPPER.readTree(lines.get(1));
        assertTrue(farm.get("labels").toString().contains("harvest"), farm.toString());
        assertTrue(treaty.get("labels").toString().contains("diplomacy"), treaty.toString());
        for (JsonNode t : farm.get("topics")) {
            // the user's model scores harvest; the shipped model still scores the shipped labels
            assertEquals("learned", t.get("model").asText(), t.toString());
        }
    }

    @Test
    void aBrokenModelFileStopsTheCommandAtStart(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad-model.tsv.gz");
        Files.writeString(bad, "this is not a model");
        CommandRun r = CommandRun.run("eval-topics", "--topic-model", bad.toString(), "--articles",
                bad.toString());
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(r.err().contains("bad-model.tsv.gz") && r.err().contains("not a gzipped model file"), r.err());
    }

    @Test
    void aLabelOutsideTheTaxonomyIsAUsageError(@TempDir Path dir) throws Exception {
        CommandRun r = CommandRun.run("train-topics", "--labels", "harvest", "--train",
                example("harvest.jsonl").toString(), "--out", dir.resolve("m.tsv.gz").toString());
        assertEquals(Exit.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("label 'harvest' is not in the taxonomy"), r.err());
    }
}
