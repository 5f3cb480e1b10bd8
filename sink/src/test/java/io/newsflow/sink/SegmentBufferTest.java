package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentBufferTest {
    static final Instant MAY7 = Instant.parse("2025-05-07T10:00:00Z");
    static final Instant MAY8 = Instant.parse("2025-05-08T10:00:00Z");
    /** Cuts only where a test makes it: a million records, or an hour's wait. */
    static final RotationPolicy NEVER = new RotationPolicy(1_000_000, Duration.ofDays(1), Duration.ofHours(1));

    /** A clock that moves only when the test moves it. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));

    SegmentBuffer<String> buffer(Path out, RotationPolicy policy) {
        return new SegmentBuffer<>(out, policy, clock);
    }

    static void add(SegmentBuffer<String> b, int partition, long offset, EnrichedArticle e) {
        b.add(partition, offset, Topics.ENRICHED_SERDE.toBytes(e), SinkEvent.of(e));
    }

    static EnrichedArticle ev(String id, Instant t, String... labels) {
        return Events.event(id, t, List.of(labels));
    }

    static List<String> ids(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> Topics.ENRICHED_SERDE.fromBytes(l.getBytes()).id()).toList();
    }

    static List<Path> allFiles(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static SegmentBuffer.Sealed<String> sealAndCommit(SegmentBuffer<String> b, int partition) throws IOException {
        SegmentBuffer.Sealed<String> sealed = b.seal(partition);
        b.commit(sealed);
        return sealed;
    }

    @Test
    void aSegmentIsDueAtTheRecordCountAndRejectedRecordsCount(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, new RotationPolicy(3, Duration.ofDays(1), Duration.ofHours(1)));
        add(b, 0, 10, ev("a", MAY7));
        b.reject(0, 11, "dead 11");
        assertFalse(b.full(0));
        assertEquals(List.of(), b.due());
        add(b, 0, 12, ev("c", MAY7));
        assertTrue(b.full(0));
        assertEquals(List.of(0), b.due());

        SegmentBuffer.Sealed<String> sealed = sealAndCommit(b, 0);
        assertEquals(13, sealed.nextOffset(), "the offset after the last record, rejected or not");
        assertEquals(2, sealed.filed());
        assertEquals(List.of("dead 11"), sealed.rejected());
        assertEquals(List.of("a", "c"), ids(out.resolve("enriched/date=2025-05-07/part-0-00000000000000000010.jsonl")));
        assertFalse(b.holds(0), "sealing empties the partition");
        assertEquals(List.of(), b.due());
    }

    @Test
    void aSegmentIsDueOnceItsFirstRecordHasWaitedTheMaximumWait(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, new RotationPolicy(100, Duration.ofDays(1), Duration.ofSeconds(5)));
        add(b, 0, 0, ev("a", MAY7));
        clock.advance(Duration.ofSeconds(3));
        add(b, 1, 0, ev("b", MAY7));
        clock.advance(Duration.ofMillis(1_999));
        add(b, 0, 1, ev("c", MAY7)); // a later record does not restart partition 0's wait
        assertEquals(List.of(), b.due(), "4.999 s after partition 0's first record");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(0), b.due(), "5 s after partition 0's first record, 2 s after partition 1's");
        assertFalse(b.full(0), "due by time, not by count");

        sealAndCommit(b, 0);
        clock.advance(Duration.ofSeconds(3));
        assertEquals(List.of(1), b.due(), "partition 1 waited 5 s; partition 0 holds nothing, so is never due");
        clock.advance(Duration.ofHours(1));
        add(b, 0, 2, ev("d", MAY7));
        assertEquals(List.of(1), b.due(), "partition 0's new segment starts its wait at its own first record");
    }

    @Test
    void eventTimeBucketsSplitFilesWithinASegmentWithoutEndingIt(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, new RotationPolicy(100, Duration.ofHours(1), Duration.ofHours(1)));
        add(b, 0, 5, ev("a", Instant.parse("2025-05-07T10:10:00Z")));
        add(b, 0, 6, ev("b", Instant.parse("2025-05-07T11:10:00Z")));
        add(b, 0, 7, ev("c", Instant.parse("2025-05-07T10:50:00Z")));
        assertEquals(List.of(), b.due(), "a new bucket does not cut the segment");

        SegmentBuffer.Sealed<String> sealed = sealAndCommit(b, 0);
        assertEquals(8, sealed.nextOffset());
        Path day = out.resolve("enriched/date=2025-05-07").toAbsolutePath();
        assertEquals(List.of(day.resolve("part-0-00000000000000000005.jsonl"),
                day.resolve("part-0-00000000000000000006.jsonl")), sealed.files());
        assertEquals(List.of("a", "c"), ids(day.resolve("part-0-00000000000000000005.jsonl")), "the 10:00 bucket");
        assertEquals(List.of("b"), ids(day.resolve("part-0-00000000000000000006.jsonl")), "the 11:00 bucket");
    }

    @Test
    void filesAreNamedByPartitionAndFirstOffsetInEachDirectory(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, NEVER);
        add(b, 2, 40, ev("a", MAY7, "energy"));
        add(b, 2, 41, ev("b", MAY8));
        add(b, 2, 42, ev("c", MAY7, "energy", "military"));
        sealAndCommit(b, 2);

        Path abs = out.toAbsolutePath();
        assertEquals(List.of(
                        abs.resolve("enriched/date=2025-05-07/part-2-00000000000000000040.jsonl"),
                        abs.resolve("enriched/date=2025-05-08/part-2-00000000000000000041.jsonl"),
                        abs.resolve("topics/energy/date=2025-05-07/part-2-00000000000000000040.jsonl"),
                        abs.resolve("topics/military/date=2025-05-07/part-2-00000000000000000042.jsonl")),
                allFiles(abs));
        assertEquals(List.of("a", "c"), ids(abs.resolve("enriched/date=2025-05-07/part-2-00000000000000000040.jsonl")));
        assertEquals(List.of("b"), ids(abs.resolve("enriched/date=2025-05-08/part-2-00000000000000000041.jsonl")));
        assertEquals(List.of("a", "c"),
                ids(abs.resolve("topics/energy/date=2025-05-07/part-2-00000000000000000040.jsonl")));
        assertEquals(List.of("c"),
                ids(abs.resolve("topics/military/date=2025-05-07/part-2-00000000000000000042.jsonl")));
        assertEquals("part-12-00000000000000000007.jsonl", SegmentBuffer.fileName(12, 7));
    }

    @Test
    void sealedFilesAreTemporaryAndSyncedUntilTheCommitRenamesThem(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, NEVER);
        add(b, 0, 3, ev("a", MAY7));
        add(b, 0, 4, ev("b", MAY7));
        SegmentBuffer.Sealed<String> sealed = b.seal(0);
        Path day = out.resolve("enriched/date=2025-05-07").toAbsolutePath();
        Path target = day.resolve("part-0-00000000000000000003.jsonl");
        assertEquals(List.of(day.resolve(".part-0-00000000000000000003.jsonl.tmp")), allFiles(out),
                "before the commit only the hidden temporary file exists");
        assertEquals(List.of("a", "b"), ids(day.resolve(".part-0-00000000000000000003.jsonl.tmp")));

        assertEquals(List.of(target), b.commit(sealed));
        assertEquals(List.of(target), allFiles(out), "the commit renamed it; no temporary file is left");
        assertEquals(List.of("a", "b"), ids(target));
    }

    @Test
    void anAbandonedSegmentWritesNothingAndTheNextOneStartsAfresh(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, new RotationPolicy(3, Duration.ofDays(1), Duration.ofSeconds(5)));
        add(b, 0, 0, ev("a", MAY7));
        b.reject(0, 1, "dead 1");
        add(b, 1, 0, ev("other", MAY7));
        b.abandon(0);
        assertFalse(b.holds(0));
        assertTrue(b.holds(1), "only the abandoned partition is dropped");
        assertThrows(IllegalStateException.class, () -> b.seal(0));
        assertFalse(Files.exists(out.resolve("enriched")), "nothing was written for it");

        // The next owner reads from the committed offset again: a new segment, with a new count and wait.
        clock.advance(Duration.ofSeconds(4));
        add(b, 0, 0, ev("a", MAY7));
        add(b, 0, 1, ev("b", MAY7));
        assertFalse(b.full(0), "two records since the abandon; the dropped ones do not count");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(List.of(1), b.due(), "partition 0's wait started after the abandon, 4 s ago");
        SegmentBuffer.Sealed<String> sealed = sealAndCommit(b, 0);
        assertEquals(List.of(), sealed.rejected(), "the abandoned segment's dead letter went with it");
        assertEquals(List.of("a", "b"),
                ids(out.resolve("enriched/date=2025-05-07/part-0-00000000000000000000.jsonl")));

        b.abandonAll();
        assertEquals(java.util.Set.of(), b.partitions());
    }

    @Test
    void aDiscardedSealedSegmentLeavesNoFile(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, NEVER);
        add(b, 0, 0, ev("a", MAY7, "energy"));
        b.discard(b.seal(0));
        assertEquals(List.of(), allFiles(out));
    }

    @Test
    void aRestartDeletesOnlyThatPartitionsTemporaryFiles(@TempDir Path out) throws Exception {
        SegmentBuffer<String> before = buffer(out, NEVER);
        add(before, 0, 0, ev("committed", MAY7));
        sealAndCommit(before, 0);
        add(before, 0, 1, ev("crashed", MAY7, "energy"));
        add(before, 1, 0, ev("other partition", MAY7));
        before.seal(0); // the process dies here, between fsync and rename
        before.seal(1);

        SegmentBuffer<String> after = buffer(out, NEVER);
        after.discardPartialFiles(0);
        Path abs = out.toAbsolutePath();
        assertEquals(List.of(abs.resolve("enriched/date=2025-05-07/.part-1-00000000000000000000.jsonl.tmp"),
                abs.resolve("enriched/date=2025-05-07/part-0-00000000000000000000.jsonl")), allFiles(abs),
                "partition 0's temporary files are gone, in every directory; the committed file and partition 1's "
                        + "temporary file (another owner may be writing it) stay");
        after.discardPartialFiles(7); // nothing of partition 7: a no-op
        new SegmentBuffer<String>(out.resolve("never-written"), NEVER, clock).discardPartialFiles(0);
    }

    @Test
    void aReplayedSegmentReplacesItsFilesInsteadOfDuplicating(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, NEVER);
        // The first attempt wrote 10..12 but died before committing the offset; the retry reads 10..11, then 12..13.
        add(b, 0, 10, ev("a", MAY7));
        add(b, 0, 11, ev("b", MAY7));
        add(b, 0, 12, ev("c", MAY7));
        sealAndCommit(b, 0);
        add(b, 0, 10, ev("a", MAY7));
        add(b, 0, 11, ev("b", MAY7));
        sealAndCommit(b, 0);
        add(b, 0, 12, ev("c", MAY7));
        add(b, 0, 13, ev("d", MAY7));
        sealAndCommit(b, 0);
        Path day = out.resolve("enriched/date=2025-05-07");
        assertEquals(List.of(day.resolve("part-0-00000000000000000010.jsonl").toAbsolutePath(),
                day.resolve("part-0-00000000000000000012.jsonl").toAbsolutePath()), allFiles(out.toAbsolutePath()));
        assertEquals(List.of("a", "b"), ids(day.resolve("part-0-00000000000000000010.jsonl")));
        assertEquals(List.of("c", "d"), ids(day.resolve("part-0-00000000000000000012.jsonl")));
    }

    @Test
    void anEventThatCannotBeFiledIsRefusedAndLeavesTheSegmentAsItWas(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, new RotationPolicy(2, Duration.ofDays(1), Duration.ofSeconds(5)));
        assertThrows(InvalidEventException.class, () -> add(b, 0, 0, ev("bad", MAY7, "../escape")));
        assertFalse(b.holds(0), "no segment opened for it");
        b.reject(0, 0, "dead 0"); // what the caller does next
        add(b, 0, 1, ev("good", MAY7));
        assertTrue(b.full(0), "the rejected record and the good one");
        SegmentBuffer.Sealed<String> sealed = sealAndCommit(b, 0);
        assertEquals(List.of("dead 0"), sealed.rejected());
        assertEquals(List.of("good"), ids(out.resolve("enriched/date=2025-05-07/part-0-00000000000000000001.jsonl")),
                "named by the first offset the file holds, not the segment's");
    }

    @Test
    void aSegmentOfRejectedRecordsOnlyWritesNoFileButStillMovesTheOffset(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, NEVER);
        b.reject(3, 7, "dead 7");
        b.reject(3, 8, "dead 8");
        SegmentBuffer.Sealed<String> sealed = sealAndCommit(b, 3);
        assertEquals(9, sealed.nextOffset());
        assertEquals(0, sealed.filed());
        assertEquals(List.of("dead 7", "dead 8"), sealed.rejected());
        assertEquals(List.of(), sealed.files());
        assertEquals(List.of(), allFiles(out));
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileAndDropsTheSegment(@TempDir Path out) throws Exception {
        SegmentBuffer<String> b = buffer(out, NEVER);
        add(b, 0, 0, ev("a", MAY7));
        add(b, 0, 1, ev("b", MAY7, "energy"));
        // The second file cannot be written: a plain file stands where its directory should be.
        Files.createDirectories(out.resolve("topics"));
        Files.writeString(out.resolve("topics/energy"), "in the way");
        assertThrows(IOException.class, () -> b.seal(0));
        assertFalse(b.holds(0), "dropped: it is read again from the committed offset");
        assertEquals(List.of(out.resolve("topics/energy").toAbsolutePath()), allFiles(out.toAbsolutePath()),
                "the first file's temporary copy was deleted");
    }

    @Test
    void prettyPrintedJsonBecomesOneLineAndKeepsUnknownFields() throws Exception {
        byte[] pretty = "{\n  \"a\": 1,\n  \"future_field\": [1, 2]\n}".getBytes();
        assertEquals("{\"a\":1,\"future_field\":[1,2]}", new String(SegmentBuffer.oneLine(pretty)));
        byte[] compact = "{\"a\":1}".getBytes();
        assertArrayEquals(compact, SegmentBuffer.oneLine(compact));
    }
}
