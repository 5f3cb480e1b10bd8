package io.newsflow.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-process figures of the process bench, read from /proc and GC log texts, and the file line count. */
class ProcessFiguresTest {
    @Test
    void peakRssIsTheVmHwmLine() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  183512 kB\nVmRSS:\t  150000 kB\n";
        assertEquals(183_512, StageJvm.vmHwmKb(status));
        assertThrows(IllegalArgumentException.class, () -> StageJvm.vmHwmKb("Name:\tjava\n"));
    }

    @Test
    void heapFiguresAreTheLargestAtAnyCollection() {
        String log = String.join("\n",
                "[0.010s][info][gc] Using G1",
                "[1.441s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 19M->7M(380M) 32.611ms",
                "[4.879s][info][gc] GC(1) Concurrent Mark Cycle",
                "[5.001s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 357M->120M(450M) 12.0ms",
                "[6.000s][info][gc] GC(3) Pause Full (System.gc()) 1G->512K(1G) 80.0ms",
                "[7.000s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 200M->20M(300M) 5.0ms");
        // 1G = 1,048,576 kB is the largest used (GC 3) and the largest committed; 4 pauses, not the mark cycle.
        assertEquals(new GcLog(4, 1_048_576, 1_048_576), GcLog.parse(log));
        assertEquals(new GcLog(0, 0, 0), GcLog.parse("[0.010s][info][gc] Using G1\n"));
    }

    @Test
    void linesOfFinishedFilesOnlyAndEachFileOnce(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("instance-0/enriched/2026-12-02"));
        Path b = Files.createDirectories(dir.resolve("instance-1/enriched"));
        Files.writeString(a.resolve("p0-0.jsonl"), "{}\n{}\n");
        Files.writeString(a.resolve(".p0-2.jsonl.tmp"), "{}\n");
        ProcessPipelineBench.LineCounter counter = new ProcessPipelineBench.LineCounter(List.of(
                dir.resolve("instance-0/enriched"), b, dir.resolve("instance-2/enriched")));
        assertEquals(2, counter.count());
        Files.writeString(b.resolve("p1-0.jsonl"), "{}\n{}\n{}\n");
        assertEquals(5, counter.count());
    }
}
