package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlBatchWriterTest {
    static JsonlBatchWriter.Item item(long offset, EnrichedArticle e) {
        return new JsonlBatchWriter.Item(offset, Topics.ENRICHED_SERDE.toBytes(e), e);
    }

    @Test
    void filesAreNamedByPartitionAndFirstOffsetPerDirectory(@TempDir Path out) throws Exception {
        Instant d1 = Instant.parse("2025-05-07T10:00:00Z");
        Instant d2 = Instant.parse("2025-05-08T10:00:00Z");
        JsonlBatchWriter w = new JsonlBatchWriter(out);
        w.write(2, List.of(item(40, Events.event("a", d1, List.of("energy"))),
                item(41, Events.event("b", d2, List.of())),
                item(42, Events.event("c", d1, List.of("energy", "military")))));
        Path day1 = out.resolve("enriched/date=2025-05-07/part-2-00000000000000000040.jsonl");
        assertEquals(2, Files.readAllLines(day1).size());
        assertEquals(1, Files.readAllLines(out.resolve("enriched/date=2025-05-08/part-2-00000000000000000041.jsonl"))
                .size());
        assertEquals(2, Files.readAllLines(out.resolve("topics/energy/date=2025-05-07/part-2-00000000000000000040.jsonl"))
                .size());
        List<String> military = Files.readAllLines(
                out.resolve("topics/military/date=2025-05-07/part-2-00000000000000000042.jsonl"));
        assertEquals("c", Topics.ENRICHED_SERDE.fromBytes(military.get(0).getBytes()).id());
        try (Stream<Path> all = Files.walk(out)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void aRetriedBatchReplacesItsFilesInsteadOfDuplicating(@TempDir Path out) throws Exception {
        Instant d = Instant.parse("2025-05-07T10:00:00Z");
        JsonlBatchWriter w = new JsonlBatchWriter(out);
        // First attempt wrote 10..12 but crashed before committing; the retry reads 10..11, then 12..13.
        w.write(0, List.of(item(10, Events.event("a", d, List.of())), item(11, Events.event("b", d, List.of())),
                item(12, Events.event("c", d, List.of()))));
        w.write(0, List.of(item(10, Events.event("a", d, List.of())), item(11, Events.event("b", d, List.of()))));
        w.write(0, List.of(item(12, Events.event("c", d, List.of())), item(13, Events.event("d", d, List.of()))));
        List<String> ids;
        try (Stream<Path> files = Files.walk(out.resolve("enriched"))) {
            ids = files.filter(Files::isRegularFile).sorted().flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(l -> Topics.ENRICHED_SERDE.fromBytes(l.getBytes()).id()).toList();
        }
        assertEquals(List.of("a", "b", "c", "d"), ids);
    }

    @Test
    void prettyPrintedJsonBecomesOneLineAndKeepsUnknownFields() throws Exception {
        byte[] pretty = "{\n  \"a\": 1,\n  \"future_field\": [1, 2]\n}".getBytes();
        assertEquals("{\"a\":1,\"future_field\":[1,2]}", new String(JsonlBatchWriter.oneLine(pretty)));
    }

    @Test
    void partialFilesOfAPartitionAreDiscardedOnlyForThatPartition(@TempDir Path out) throws Exception {
        Path dir = Files.createDirectories(out.resolve("enriched/date=2025-05-07"));
        Path partial0 = Files.writeString(dir.resolve(".part-0-00000000000000000010.jsonl.tmp"), "{\"half");
        Path partial1 = Files.writeString(dir.resolve(".part-1-00000000000000000010.jsonl.tmp"), "{\"half");
        Path whole = Files.writeString(dir.resolve("part-0-00000000000000000000.jsonl"), "{}\n");
        new JsonlBatchWriter(out).discardPartialFiles(0);
        assertTrue(!Files.exists(partial0) && Files.exists(partial1) && Files.exists(whole));
    }

    @Test
    void withinADirectoryEachEventTimeBucketGetsItsOwnFile(@TempDir Path out) throws Exception {
        JsonlBatchWriter w = new JsonlBatchWriter(out, new RotationPolicy(100, java.time.Duration.ofHours(1),
                java.time.Duration.ofSeconds(1)));
        w.write(0, List.of(item(5, Events.event("a", Instant.parse("2025-05-07T10:10:00Z"), List.of())),
                item(6, Events.event("b", Instant.parse("2025-05-07T11:10:00Z"), List.of())),
                item(7, Events.event("c", Instant.parse("2025-05-07T10:50:00Z"), List.of()))));
        Path day = out.resolve("enriched/date=2025-05-07");
        assertEquals(2, Files.readAllLines(day.resolve("part-0-00000000000000000005.jsonl")).size(), "a and c");
        assertEquals(1, Files.readAllLines(day.resolve("part-0-00000000000000000006.jsonl")).size(), "b");
    }
}
