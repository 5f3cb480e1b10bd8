package io.newsflow.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.events.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the poller remembers per feed, in one JSON file: validators (ETag, Last-Modified), the current interval,
 * the next poll time, and the ids of the items already published (the last {@link #MAX_SEEN_PER_FEED}). It is
 * written atomically (temporary file, fsync, rename, directory fsync) after every poll that published, so a
 * restarted process publishes nothing twice.
 */
public final class FeedState {
    public static final int MAX_SEEN_PER_FEED = 10_000;
    static final int FILE_VERSION = 1;

    /** One feed's state; mutable, owned by the poller thread. */
    public static final class Feed {
        String etag;
        String lastModified;
        Duration interval;
        Instant nextPoll;
        final LinkedHashSet<String> seen = new LinkedHashSet<>();

        public String etag() {
            return etag;
        }

        public String lastModified() {
            return lastModified;
        }

        public Duration interval() {
            return interval;
        }

        public Instant nextPoll() {
            return nextPoll;
        }

        public Set<String> seen() {
            return Set.copyOf(seen);
        }
    }

    /** The file's shape. */
    record Stored(int version, Map<String, StoredFeed> feeds) {
    }

    record StoredFeed(String etag, String lastModified, Long intervalMs, Instant nextPoll, List<String> seen) {
    }

    private final Path file;
    private final Map<String, Feed> feeds = new TreeMap<>();
    private final Set<String> seenAnywhere = new HashSet<>();

    private FeedState(Path file) {
        this.file = file;
    }

    /** Reads {@code file}, or starts empty when it does not exist; a corrupt file is an error, never ignored. */
    public static FeedState load(Path file) throws IOException {
        FeedState state = new FeedState(file);
        if (file == null || !Files.exists(file)) {
            return state;
        }
        Stored stored;
        try {
            stored = Json.MAPPER.readValue(Files.readAllBytes(file), Stored.class);
        } catch (JsonProcessingException e) {
            throw new IOException("feed state file " + file + " is not valid: " + e.getOriginalMessage(), e);
        }
        if (stored.version() != FILE_VERSION) {
            throw new IOException("feed state file " + file + " has version " + stored.version() + ", expected "
                    + FILE_VERSION);
        }
        if (stored.feeds() != null) {
            stored.feeds().forEach((url, s) -> {
                Feed f = state.feed(url);
                f.etag = s.etag();
                f.lastModified = s.lastModified();
                f.interval = s.intervalMs() == null ? null : Duration.ofMillis(s.intervalMs());
                f.nextPoll = s.nextPoll();
                if (s.seen() != null) {
                    f.seen.addAll(s.seen());
                    state.seenAnywhere.addAll(s.seen());
                }
            });
        }
        return state;
    }

    public Feed feed(String url) {
        return feeds.computeIfAbsent(url, u -> new Feed());
    }

    /** Whether any feed already published this id (the same article often appears in several feeds). */
    public boolean seen(String id) {
        return seenAnywhere.contains(id);
    }

    public void markSeen(String url, String id) {
        Feed f = feed(url);
        f.seen.remove(id);
        f.seen.add(id);
        seenAnywhere.add(id);
        // Oldest first out: a feed lists its latest items, so ids far older than the feed's window never return.
        Iterator<String> it = f.seen.iterator();
        while (f.seen.size() > MAX_SEEN_PER_FEED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public void update(String url, String etag, String lastModified, Duration interval, Instant nextPoll) {
        Feed f = feed(url);
        f.etag = etag;
        f.lastModified = lastModified;
        f.interval = interval;
        f.nextPoll = nextPoll;
    }

    /** Writes the file atomically: a crash leaves the old file or the new one, never a torn one. */
    public synchronized void save() throws IOException {
        if (file == null) {
            return;
        }
        Map<String, StoredFeed> out = new TreeMap<>();
        feeds.forEach((url, f) -> out.put(url, new StoredFeed(f.etag, f.lastModified,
                f.interval == null ? null : f.interval.toMillis(), f.nextPoll, new ArrayList<>(f.seen))));
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Stored(FILE_VERSION, out));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename itself has happened.
        }
    }
}
