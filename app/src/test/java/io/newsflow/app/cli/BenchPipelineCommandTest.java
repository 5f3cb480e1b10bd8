package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.CommandRun;
import io.newsflow.events.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench pipeline} on 50 articles, end to end: every figure is reported and makes sense (no timing limits). */
class BenchPipelineCommandTest {
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";

    @Test
    void reportsEveryFigure(@TempDir Path dir) throws Exception {
        CommandRun r = CommandRun.run("bench", "pipeline", "--articles", "50", "--core-warmup", "0.5",
                "--core-seconds", "0.5", "--latency-seconds", "2", "--timeout", "120", "--out", dir.toString(), "--input",
                Seeds.dir().toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String out = r.out();
        assertEquals(out.substring(out.indexOf("== newsflow bench pipeline ==")),
                Files.readString(dir.resolve("pipeline-bench.txt")));
        Map<String, String> lines = fields(out);
        for (String field : new String[]{"machine", "layout", "articles", "enrich core", "ingest", "end to end",
            "ratio", "outputs", "cpu ms/article", "peak rss", "latency rate", "ingest->enriched",
            "ingest->committed"}) {
            assertTrue(lines.containsKey(field), field + " missing from\n" + out);
        }
        assertTrue(lines.get("articles").startsWith("50 "), out);
        double core = first(lines.get("enrich core"));
        double ingest = first(lines.get("ingest"));
        double endToEnd = first(lines.get("end to end"));
        assertTrue(core > 0 && ingest > 0 && endToEnd > 0, out);
        assertEquals(endToEnd / core, first(lines.get("ratio")), 0.002 + endToEnd / core * 0.01, out);
        assertTrue(lines.get("outputs").startsWith("enriched 50, dead-lettered 0, files 50, per label {"), out);
        for (String stage : new String[]{"broker", "enrich", "sink", "ingest", "other", "whole JVM"}) {
            Matcher m = Pattern.compile(stage + " " + NUMBER).matcher(lines.get("cpu ms/article"));
            assertTrue(m.find(), stage + " in " + out);
            assertTrue(Double.parseDouble(m.group(1)) >= 0, out);
        }
        assertTrue(first(lines.get("enrich core")) > 0 && first(lines.get("peak rss")) > 0, out);
        Matcher rate = Pattern.compile(NUMBER + " articles/s target .*, " + NUMBER + " achieved, ([0-9]+) sent")
                .matcher(lines.get("latency rate"));
        assertTrue(rate.find(), out);
        assertEquals(endToEnd / 2, Double.parseDouble(rate.group(1)), 0.1 + endToEnd * 0.01, out);
        int sent = Integer.parseInt(rate.group(3));
        assertTrue(sent >= 1, out);
        for (String field : new String[]{"ingest->enriched", "ingest->committed"}) {
            Matcher m = Pattern.compile("p50 " + NUMBER + " ms, p99 " + NUMBER + " ms \\(read_\\w+, ([0-9]+) seen")
                    .matcher(lines.get(field));
            assertTrue(m.find(), field + " in " + out);
            double p50 = Double.parseDouble(m.group(1));
            double p99 = Double.parseDouble(m.group(2));
            assertTrue(p50 >= 0 && p50 <= p99, out);
            assertEquals(sent, Integer.parseInt(m.group(3)), out);
        }
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("pipeline-bench-")),
                    "the run's broker and files are deleted");
        }
    }

    /**
     * Stages as child JVMs, 1 x 1 against 2 x 1 (one round each, 30 articles): every figure is in the report,
     * per stage and per layout; their values are the bench's business, not this test's.
     */
    @Test
    void processesReportEveryFigurePerStage(@TempDir Path dir) throws Exception {
        CommandRun r = CommandRun.run("bench", "pipeline", "--instances", "2", "--rounds", "1", "--articles", "30",
                "--warmup-articles", "10", "--core-warmup", "0.2", "--core-seconds", "0.2", "--timeout", "180",
                "--out", dir.toString(),
                "--input", Seeds.dir().toString(), "--sink-jvm-options", "-Xmx256m");
        assertEquals(0, r.code(), r.out() + r.err());
        String out = r.out();
        assertEquals(out.substring(out.indexOf("== newsflow bench pipeline (stages as processes) ==")),
                Files.readString(dir.resolve("pipeline-bench.txt")));
        Map<String, String> lines = fields(out);
        for (String field : new String[]{"machine", "layout", "articles", "enrich core", "round 1", "round 2",
            "enrich heap", "sink heap", "instances"}) {
            assertTrue(lines.containsKey(field), field + " missing from\n" + out);
        }
        assertTrue(lines.get("articles").startsWith("30 measured a round, after 10 "), out);
        assertTrue(lines.get("round 1").startsWith("1x1 "), out);
        assertTrue(lines.get("round 2").startsWith("2x1 "), out);
        assertTrue(lines.get("layout").contains("sink (-Xmx256m)"), out);
        for (String layout : new String[]{"1x1", "2x1"}) {
            assertTrue(first(lines.get("end to end " + layout)) > 0, layout + " in " + out);
            String cpu = lines.get("cpu ms/article " + layout);
            String rss = lines.get("peak rss " + layout);
            assertTrue(cpu != null && rss != null, layout + " in " + out);
            for (String stage : new String[]{"broker", "enrich", "sink", "ingest", "total"}) {
                Matcher m = Pattern.compile(stage + " " + NUMBER).matcher(cpu);
                assertTrue(m.find(), stage + " cpu " + layout + " in " + out);
            }
            for (String stage : new String[]{"broker", "enrich", "sink"}) {
                Matcher m = Pattern.compile(stage + " " + NUMBER + " MB").matcher(rss);
                assertTrue(m.find() && Double.parseDouble(m.group(1)) > 0, stage + " rss " + layout + " in " + out);
            }
        }
        assertTrue(lines.get("enrich heap").startsWith("limit -Xmx512m; at most "), out);
        assertTrue(lines.get("enrich heap").endsWith("held (no OutOfMemoryError, every round complete)"), out);
        assertTrue(lines.get("instances").startsWith("2x1 / 1x1 = "), out);
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("pipeline-bench-")),
                    "the run's broker and files are deleted");
        }
    }

    private static double first(String text) {
        Matcher m = Pattern.compile(NUMBER).matcher(text);
        assertTrue(m.find(), text);
        return Double.parseDouble(m.group(1));
    }

    /** The report's "name: value" lines, by name. */
    private static Map<String, String> fields(String report) {
        Map<String, String> lines = new HashMap<>();
        for (String line : report.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                lines.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return lines;
    }
}
