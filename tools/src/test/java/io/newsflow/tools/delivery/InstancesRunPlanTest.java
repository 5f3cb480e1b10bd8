package io.newsflow.tools.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan of the several-instance crash run: kills alternate between the stages, articles split into slices. */
class InstancesRunPlanTest {
    @Test
    void twoKillsAreOneOfEachStageWhateverTheSeed() {
        for (long seed = 0; seed < 50; seed++) {
            List<String> faults = new ArrayList<>(InstancesRun.plan(2, 1, new Random(seed)));
            Collections.sort(faults);
            assertEquals(List.of("broker", "enrich", "sink"), faults, "seed " + seed);
        }
    }

    @Test
    void fiveKillsAreThreeOfOneStageAndTwoOfTheOther() {
        List<String> faults = InstancesRun.plan(5, 0, new Random(3));
        long enrich = faults.stream().filter("enrich"::equals).count();
        assertTrue(enrich == 2 || enrich == 3, faults.toString());
        assertEquals(5, faults.size());
    }

    @Test
    void slicesKeepEveryLineOnceInOrder(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("{\"n\":" + i + "}");
        }
        Path all = Files.write(dir.resolve("all.jsonl"), lines);
        List<Path> slices = InstancesRun.slices(all, 3, dir);
        // 10 lines in 3 slices: 3, 3 and 4 (boundaries at 10/3 and 20/3, rounded down).
        assertEquals(List.of(3, 3, 4), slices.stream().map(p -> read(p).size()).toList());
        List<String> joined = new ArrayList<>();
        slices.forEach(p -> joined.addAll(read(p)));
        assertEquals(lines, joined);
    }

    @Test
    void aTakeoverIsProvenOnlyWithRecordsBeforeTheKillAndRecordsByTheSurvivors() {
        assertTrue(new Takeover("enrich-1", "g", Set.of(1), 5, 5, 9, 4, 3, 10.0).proven());
        assertFalse(new Takeover("enrich-1", "g", Set.of(1), 5, 5, 9, 0, 3, 10.0).proven(),
                "offsets but no records before the kill (markers, aborted records)");
        assertFalse(new Takeover("enrich-1", "g", Set.of(1), 5, -1, 5, 4, 0, -1).proven(),
                "never assigned to a survivor");
        assertFalse(new Takeover("enrich-1", "g", Set.of(1), 5, 5, 7, 4, 0, 10.0).proven(),
                "offsets moved over markers only");
        assertFalse(new Takeover("enrich-1", "g", Set.of(), 5, 5, 9, 4, 3, 10.0).proven(), "owned nothing");
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
