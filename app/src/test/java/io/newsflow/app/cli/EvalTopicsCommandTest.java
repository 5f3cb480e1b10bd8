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

/** {@code eval-topics} on hand-written files, and {@code --taxonomy}: a user label, and a bad file refused at start. */
class EvalTopicsCommandTest {
    static final String OIL = "{\"id\": \"a1\", \"title\": \"Oil prices rise as OPEC cuts output\", \"body\": "
            + "\"Crude oil rose to $90 a barrel after OPEC cut production. Refinery demand for crude is strong.\"";
    static final String TREATY = "{\"id\": \"a2\", \"title\": \"Chile and Argentina sign border treaty\", \"body\": "
            + "\"The foreign ministers signed the treaty at a summit. Diplomats and ambassadors of both countries "
            + "attended the ceremony, and the talks will continue.\"";

    @Test
    void printsPerLabelScoresAndWritesPredictions(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("a.jsonl");
        Files.write(in, List.of(OIL + ", \"labels\": [\"energy\"]}", TREATY + ", \"labels\": [\"diplomacy\"]}"));
        Path pred = dir.resolve("pred.jsonl");
        CommandRun r = CommandRun.run("eval-topics", "--articles", in.toString(), "--predictions",
                pred.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("diplomacy") && r.out().contains("macro-F1 1.000"), r.out());
        List<String> lines = Files.readAllLines(pred);
        assertEquals(2, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("a1", first.get("id").asText());
        assertEquals("energy", first.get("labels").get(0).asText());
        assertEquals("medtop:20000256", first.at("/topics/2/iptc/0").asText());
    }

    @Test
    void singleLabelFilesJudgeThatLabelOnly(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("e.jsonl");
        Files.write(in, List.of(OIL + ", \"energy\": true}", TREATY + ", \"energy\": false}"));
        CommandRun r = CommandRun.run("eval-topics", "--articles", in.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("macro-F1 1.000 over 1 label(s), 2 articles"), r.out());
        assertTrue(!r.out().contains("diplomacy "), r.out());
    }

    @Test
    void userLabelFromTaxonomyFile(@TempDir Path dir) throws Exception {
        Path tax = dir.resolve("tax.json");
        Files.writeString(tax, "{\"labels\": [{\"id\": \"narcotics\", \"threshold\": 0.5, "
                + "\"calibration\": {\"midpoint\": 3, \"slope\": 1}, \"terms\": {\"cocaine\": 3, \"cartel\": 2}}]}");
        Path in = dir.resolve("n.jsonl");
        Files.write(in, List.of("{\"id\": \"n1\", \"title\": \"Cartel cocaine seized\", \"body\": \"Police seized "
                + "cocaine.\", \"labels\": [\"narcotics\"]}", OIL + ", \"labels\": []}"));
        CommandRun r = CommandRun.run("eval-topics", "--articles", in.toString(), "--taxonomy",
                tax.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("narcotics     1.000  1.000  1.000"), r.out());
    }

    @Test
    void badTaxonomyFailsAtStartupWithTheFileAndLabel(@TempDir Path dir) throws Exception {
        Path tax = dir.resolve("bad.json");
        Files.writeString(tax, "{\"labels\": [{\"id\": \"economy\", \"threshold\": 2, \"terms\": {\"gdp\": 1}}]}");
        for (String cmd : List.of("eval-topics", "enrich", "demo")) {
            List<String> args = cmd.equals("eval-topics")
                    ? List.of(cmd, "--articles", tax.toString(), "--taxonomy", tax.toString())
                    : List.of(cmd, "--taxonomy", tax.toString());
            CommandRun r = CommandRun.run(args.toArray(String[]::new));
            assertEquals(Exit.CANNOT_START, r.code(), cmd + ": " + r.err());
            assertTrue(r.err().contains("bad.json") && r.err().contains("label 'economy'")
                    && r.err().contains("threshold 2.0 out of range"), r.err());
        }
    }
}
