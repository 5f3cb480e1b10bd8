package io.newsflow.sink;

import io.newsflow.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A file sink's open segments, one per partition: a segment is due after {@code maxRecords} records or once its
 * first record has waited {@code maxWait} on the given clock; it is then written one file per directory and
 * event-time bucket, {@code part-<partition>-<first offset, 20 digits>.jsonl}, as fsynced temporary files that
 * {@link #commit} renames. {@code D}, what the caller sends instead of a record it cannot file (a dead letter),
 * travels with its segment so that it is handed back, or dropped, with the offsets it belongs to.
 */
public final class SegmentBuffer<D> {
    private final Path out;
    private final RotationPolicy policy;
    private final Clock clock;
    private final Map<Integer, Segment<D>> open = new HashMap<>();

    public SegmentBuffer(Path out, RotationPolicy policy, Clock clock) {
        this.out = out.toAbsolutePath().normalize();
        this.policy = policy;
        this.clock = clock;
    }

    public Path out() {
        return out;
    }

    public static String fileName(int partition, long firstOffset) {
        return String.format("part-%d-%020d.jsonl", partition, firstOffset);
    }

    /** The name a file is written under until its segment is committed. */
    static Path tmpFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /** An event to file: its exact bytes, and where it goes (worked out once, when it arrives). */
    private record Item(long offset, byte[] json, List<Path> dirs, long bucket) {
    }

    private static final class Segment<D> {
        final List<Item> items = new ArrayList<>();
        final List<D> rejected = new ArrayList<>();
        final long openedAtMs;
        long next;
        int records;

        Segment(long openedAtMs) {
            this.openedAtMs = openedAtMs;
        }
    }

    /**
     * A segment whose files are written and fsynced under temporary names: {@link #commit} makes them visible,
     * {@link #discard} deletes them. {@code nextOffset} is the offset to commit once the files are visible.
     */
    public record Sealed<D>(int partition, long nextOffset, int filed, List<D> rejected, List<Path> files) {
    }

    /**
     * Files the event in its partition's segment. Throws, leaving the segment as it was, if the event cannot be
     * filed (a label or a path the output directory does not allow); the caller then {@link #reject}s it.
     */
    public void add(int partition, long offset, byte[] json, SinkEvent event) {
        Item item = new Item(offset, json, Routing.dirs(out, event), policy.bucket(event.eventTime()));
        Segment<D> seg = segmentFor(partition, offset);
        seg.items.add(item);
    }

    /**
     * Counts a record that is not filed, keeping {@code instead} with the segment: it still moves the offset and
     * counts towards rotation, so a run of bad records is committed like any other.
     */
    public void reject(int partition, long offset, D instead) {
        segmentFor(partition, offset).rejected.add(instead);
    }

    private Segment<D> segmentFor(int partition, long offset) {
        Segment<D> seg = open.computeIfAbsent(partition, p -> new Segment<>(clock.millis()));
        seg.records++;
        seg.next = offset + 1;
        return seg;
    }

    /** Whether the partition has records waiting to be written. */
    public boolean holds(int partition) {
        return open.containsKey(partition);
    }

    /** The partitions that have records waiting. */
    public Set<Integer> partitions() {
        return new TreeSet<>(open.keySet());
    }

    public boolean full(int partition) {
        Segment<D> seg = open.get(partition);
        return seg != null && policy.full(seg.records);
    }

    /** The partitions whose segment should be written now: full, or waited long enough by the clock. */
    public List<Integer> due() {
        long now = clock.millis();
        List<Integer> due = new ArrayList<>();
        for (int p : partitions()) {
            Segment<D> seg = open.get(p);
            if (policy.full(seg.records) || policy.expired(seg.openedAtMs, now)) {
                due.add(p);
            }
        }
        return due;
    }

    /**
     * Takes the partition's segment out of the buffer and writes its files under temporary names, each fsynced;
     * nothing is visible until {@link #commit}. If writing fails, the temporary files written so far are deleted
     * and the segment is gone: its records must be read again from the last committed offset.
     */
    public Sealed<D> seal(int partition) throws IOException {
        Segment<D> seg = open.remove(partition);
        if (seg == null) {
            throw new IllegalStateException("no records buffered for partition " + partition);
        }
        // A record goes to several directories (enriched, then one per label) and each directory's records are
        // split by event-time bucket; a file is named by the first offset it holds, so a replay of the same
        // records gives the same names.
        Map<FileKey, List<Item>> byFile = new LinkedHashMap<>();
        for (Item item : seg.items) {
            for (Path dir : item.dirs()) {
                byFile.computeIfAbsent(new FileKey(dir, item.bucket()), k -> new ArrayList<>()).add(item);
            }
        }
        List<Path> files = new ArrayList<>();
        try {
            for (Map.Entry<FileKey, List<Item>> e : byFile.entrySet()) {
                Path target = e.getKey().dir().resolve(fileName(partition, e.getValue().get(0).offset()));
                files.add(target);
                writeTmp(target, e.getValue());
            }
        } catch (IOException | RuntimeException e) {
            deleteTmps(files);
            throw e;
        }
        return new Sealed<>(partition, seg.next, seg.items.size(), List.copyOf(seg.rejected), List.copyOf(files));
    }

    private record FileKey(Path dir, long bucket) {
    }

    private static void writeTmp(Path target, List<Item> items) throws IOException {
        Files.createDirectories(target.getParent());
        try (FileChannel ch = FileChannel.open(tmpFor(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Item item : items) {
                ByteBuffer line = ByteBuffer.wrap(oneLine(item.json()));
                while (line.hasRemaining()) {
                    ch.write(line);
                }
                ch.write(ByteBuffer.wrap(new byte[]{'\n'}));
            }
            ch.force(true);
        }
    }

    /**
     * Renames the sealed files to their names and syncs their directories; returns the files. The caller commits
     * the segment's offset only after this returns: files first, offsets second.
     */
    public List<Path> commit(Sealed<D> sealed) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path target : sealed.files()) {
            try {
                // Replacing is how a replayed segment overwrites what a crashed attempt renamed before dying.
                Files.move(tmpFor(target), target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the output directory's file system cannot rename atomically: "
                        + target.getParent(), e);
            }
            dirs.add(target.getParent());
        }
        for (Path dir : dirs) {
            syncDirectory(dir);
        }
        return sealed.files();
    }

    /** Deletes a sealed segment's temporary files; what was already renamed stays, to be replaced by the replay. */
    public void discard(Sealed<D> sealed) {
        deleteTmps(sealed.files());
    }

    private static void deleteTmps(List<Path> targets) {
        for (Path target : targets) {
            try {
                Files.deleteIfExists(tmpFor(target));
            } catch (IOException ignored) {
                // Best effort: discardPartialFiles removes it when the partition is assigned again.
            }
        }
    }

    /**
     * Drops the partition's segment without writing anything, as a crash would: its records (and what was kept
     * instead of the rejected ones) are read again by whoever owns the partition next, from the committed offset.
     */
    public void abandon(int partition) {
        open.remove(partition);
    }

    public void abandonAll() {
        open.clear();
    }

    /**
     * Deletes the temporary files a crash left for this partition: their segment was never committed, so it will
     * be read and written again whole.
     */
    public void discardPartialFiles(int partition) {
        if (!Files.isDirectory(out)) {
            return;
        }
        String prefix = ".part-" + partition + "-";
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".jsonl.tmp");
            }).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean partial files under " + out, e);
        }
    }

    /** JSON Lines needs one line a record: re-encode compactly (keeping unknown fields) if a producer pretty-printed. */
    static byte[] oneLine(byte[] json) throws IOException {
        for (byte b : json) {
            if (b == '\n' || b == '\r') {
                return Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(json));
            }
        }
        return json;
    }

    /** The rename is durable only once the directory entry is synced. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Some platforms cannot open a directory for sync; the file's own data is already synced.
        }
    }
}
