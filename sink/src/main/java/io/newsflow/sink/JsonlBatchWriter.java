package io.newsflow.sink;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of a partition's events as JSON Lines files, one file per target directory and event-time bucket
 * (see {@link RotationPolicy}), named by partition and the first offset it holds ({@code part-<partition>-<offset, 20 digits>.jsonl}). Each file is written under a
 * temporary name, fsynced and renamed atomically, so a crash leaves whole files only; a batch retried after a crash
 * starts at the same offset and so replaces the same files instead of duplicating them.
 */
public final class JsonlBatchWriter {
    /** One event read from a partition, with the exact bytes to write. */
    public record Item(long offset, byte[] json, EnrichedArticle event) {
    }

    private final Path out;
    private final RotationPolicy policy;

    public JsonlBatchWriter(Path out) {
        this(out, RotationPolicy.DEFAULTS);
    }

    public JsonlBatchWriter(Path out, RotationPolicy policy) {
        this.out = out.toAbsolutePath().normalize();
        this.policy = policy;
    }

    public Path out() {
        return out;
    }

    public static String fileName(int partition, long firstOffset) {
        return String.format("part-%d-%020d.jsonl", partition, firstOffset);
    }

    /** A directory and an event-time bucket: the records one file holds. */
    private record FileKey(Path dir, long bucket) {
    }

    /**
     * Writes and syncs the batch, one file per directory and event-time bucket; returns the files written. Items
     * must be in offset order.
     */
    public List<Path> write(int partition, List<Item> items) throws IOException {
        Map<FileKey, List<Item>> byFile = new LinkedHashMap<>();
        for (Item item : items) {
            long bucket = policy.bucket(item.event().eventTime());
            for (Path dir : Routing.dirs(out, item.event())) {
                byFile.computeIfAbsent(new FileKey(dir, bucket), d -> new ArrayList<>()).add(item);
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<FileKey, List<Item>> e : byFile.entrySet()) {
            List<Item> fileItems = e.getValue();
            written.add(writeFile(e.getKey().dir(), fileName(partition, fileItems.get(0).offset()), fileItems));
        }
        return written;
    }

    private static Path writeFile(Path dir, String name, List<Item> items) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
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
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the output directory's file system cannot rename atomically: " + dir, e);
        }
        syncDirectory(dir);
        return target;
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
        try (java.util.stream.Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".jsonl.tmp");
            }).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clean partial files under " + out, e);
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
