package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.CommandRun;
import io.newsflow.events.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench sink} on the seeds' enriched events: every figure is there (values are the bench's, not checked). */
class BenchSinkCommandTest {
    @Test
    void reportsBothWaysOfReadingAndTheMentionFanOut(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.jsonl");
        CommandRun enriched = CommandRun.run("enrich-file", Seeds.dir().toString(), "--out", events.toString());
        assertEquals(0, enriched.code(), enriched.out() + enriched.err());
        long lines = Files.readAllLines(events).stream().filter(l -> !l.isBlank()).count();

        CommandRun r = CommandRun.run("bench", "sink", "--events", events.toString(), "--warmup", "0.2",
                "--seconds", "0.5");

        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("events " + lines + ","), r.out());
        for (String figure : new String[]{"whole event decoded and validated: ([0-9.]+) us",
            "sink view .*: ([0-9.]+) us", "mention records encoded: ([0-9.]+) us an event \\(([0-9.]+) records"}) {
            Matcher m = Pattern.compile(figure).matcher(r.out());
            assertTrue(m.find(), figure + " missing from\n" + r.out());
            assertTrue(Double.parseDouble(m.group(1)) > 0, r.out());
        }
    }

    @Test
    void withoutEventsItSaysWhatItNeeds() {
        CommandRun r = CommandRun.run("bench", "sink");
        assertEquals(2, r.code());
        assertTrue((r.out() + r.err()).contains("bench sink needs --events FILE"), r.out() + r.err());
    }
}
