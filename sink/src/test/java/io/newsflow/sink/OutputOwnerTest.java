package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output directory belongs to one cluster and topic; another is refused, naming both. */
class OutputOwnerTest {
    static final OutputOwner A = new OutputOwner("cluster-a", "news.enriched", "id-1", "sink");
    static final OutputOwner B = new OutputOwner("cluster-b", "news.enriched", "id-2", "sink");

    @Test
    void aNewDirectoryIsClaimedAndTheSameSourceMayComeBack(@TempDir Path out) {
        OutputOwner.claim(out, A);
        assertEquals(A, OutputOwner.read(out).orElseThrow());
        OutputOwner.claim(out, new OutputOwner("cluster-a", "news.enriched", "id-1", "sink"));
        assertEquals(A, OutputOwner.read(out).orElseThrow());
    }

    @Test
    void anotherClusterOrTopicIsRefusedNamingBoth(@TempDir Path out) throws Exception {
        OutputOwner.claim(out, A);
        Files.createDirectories(out.resolve("enriched/date=2026-01-01"));
        OutputOwner.ForeignDirectoryException e = assertThrows(OutputOwner.ForeignDirectoryException.class,
                () -> OutputOwner.claim(out, B));
        assertTrue(e.getMessage().contains("cluster-a") && e.getMessage().contains("cluster-b"), e.getMessage());
        assertThrows(OutputOwner.ForeignDirectoryException.class, () -> OutputOwner.claim(out,
                new OutputOwner("cluster-a", "news.enriched", "id-recreated", "sink")), "a recreated topic");
        assertTrue(Files.isDirectory(out.resolve("enriched/date=2026-01-01")), "nothing deleted");
        assertEquals(A, OutputOwner.read(out).orElseThrow());
    }

    @Test
    void aDemoReplacesAnEarlierDemoButNeverASink(@TempDir Path out) throws Exception {
        OutputOwner.claim(out, new OutputOwner("demo-1", "news.enriched", "t1", "demo"));
        Files.createDirectories(out.resolve("topics/diplomacy"));
        Files.writeString(out.resolve("topics/diplomacy/part.jsonl"), "{}\n");
        OutputOwner second = new OutputOwner("demo-2", "news.enriched", "t2", "demo");
        OutputOwner.claim(out, second);
        assertFalse(Files.exists(out.resolve("topics")), "the earlier demo's files are gone");
        assertEquals(second, OutputOwner.read(out).orElseThrow());

        Path real = out.resolveSibling("real");
        OutputOwner.claim(real, A);
        assertThrows(OutputOwner.ForeignDirectoryException.class, () -> OutputOwner.claim(real, second));
    }
    /** Sink instances sharing one new --out start together: each claim writes its own temporary file. */
    @Test
    void instancesClaimingANewDirectoryAtOnceBothSucceed(@TempDir Path root) throws Exception {
        for (int round = 0; round < 200; round++) {
            Path out = root.resolve("out-" + round);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Runnable claim = () -> {
                try {
                    start.await();
                    OutputOwner.claim(out, A);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            };
            Thread a = new Thread(claim);
            Thread b = new Thread(claim);
            a.start();
            b.start();
            a.join();
            b.join();
            assertEquals(null, failure.get(), "round " + round);
            assertEquals(A, OutputOwner.read(out).orElseThrow());
            try (var files = Files.list(out)) {
                assertEquals(java.util.List.of(OutputOwner.FILE),
                        files.map(f -> f.getFileName().toString()).toList(), "round " + round);
            }
        }
    }
}
