package io.newsflow.ingest;

import io.newsflow.events.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes article files dropped into a directory, then moves each to {@code DIR/done/}, or to {@code DIR/error/}
 * with {@code NAME.reason} beside it when a part of it was rejected. Only regular files directly in DIR count;
 * names starting with '.' or ending in {@code .part} or {@code .tmp} are being written and are left alone (drop
 * files by writing a temporary name and renaming). A file whose sends fail stays where it is and is retried on
 * the next scan. Restarts are safe: a file moved nowhere yet is read again, and the stable id plus enrich's dedup
 * turn a second send into no second event.
 */
public final class DirectoryWatcher {
    /** Articles of one file sent together; bounds memory on a large JSON Lines file. */
    static final int BATCH = 1_000;
    private final Path dir;
    private final Path done;
    private final Path error;
    private final ArticlePublisher publisher;
    private final IngestProgress progress;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile boolean stopped;

    /** What one scan did, by file name. */
    public record ScanResult(List<String> done, List<String> error, List<String> retry) {
    }

    public DirectoryWatcher(Path dir, ArticlePublisher publisher, IngestProgress progress, Clock clock)
            throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.dir)) {
            throw new IOException("not a directory: " + dir);
        }
        this.done = Files.createDirectories(this.dir.resolve("done"));
        this.error = Files.createDirectories(this.dir.resolve("error"));
        this.publisher = publisher;
        this.progress = progress;
        this.clock = clock;
    }

    static boolean inProgress(String name) {
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    /** Handles every file in the directory now, in name order. */
    public ScanResult scanOnce() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                // No symlinks: a link could make us read, and then move, a file outside DIR.
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !inProgress(p.getFileName().toString())) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        List<String> doneNames = new ArrayList<>();
        List<String> errorNames = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            switch (handle(file)) {
                case DONE -> doneNames.add(name);
                case ERROR -> errorNames.add(name);
                case RETRY -> retry.add(name);
                default -> throw new IllegalStateException();
            }
        }
        return new ScanResult(doneNames, errorNames, retry);
    }

    private enum Outcome { DONE, ERROR, RETRY }

    private Outcome handle(Path file) throws IOException {
        List<SourceItem.Rejected> rejected = new ArrayList<>();
        List<Article> batch = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> failures = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<String> acked = new HashSet<>();
        // Sent in batches as the file is read, so a large JSON Lines file never sits in memory whole.
        new ArticleFiles(clock).readFile(file, item -> {
            if (item instanceof SourceItem.Rejected r) {
                rejected.add(r);
            } else if (item instanceof SourceItem.Parsed p && ids.add(p.article().id())) {
                batch.add(p.article());
                if (batch.size() >= BATCH) {
                    acked.addAll(publisher.publish(List.copyOf(batch), failures, refused));
                    batch.clear();
                }
            }
        });
        if (!batch.isEmpty()) {
            acked.addAll(publisher.publish(List.copyOf(batch), failures, refused));
        }
        refused.forEach(r -> rejected.add(new SourceItem.Rejected(file.toString(), "refused by the broker: " + r)));
        progress.published(acked.size());
        progress.errors(rejected.size() + failures.size());
        if (!failures.isEmpty()) {
            failures.forEach(f -> progress.message("error: " + file.getFileName() + ": " + f + " (will retry)"));
            return Outcome.RETRY;
        }
        if (rejected.isEmpty()) {
            move(file, done);
            return Outcome.DONE;
        }
        StringBuilder reason = new StringBuilder();
        String prefix = file.toString();
        for (SourceItem.Rejected r : rejected) {
            // ArticleFiles names "file" or "file:LINE"; the reason file sits beside the file, so the line is enough.
            String where = r.origin().startsWith(prefix + ":") ? "line " + r.origin().substring(prefix.length() + 1)
                    + ": " : "";
            reason.append(where).append(r.reason()).append('\n');
        }
        if (!acked.isEmpty()) {
            reason.append("(").append(acked.size()).append(" other article(s) of this file were published)\n");
        }
        Path moved = move(file, error);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason"),
                reason.toString(), StandardCharsets.UTF_8);
        rejected.forEach(r -> progress.message("rejected " + r.origin() + ": " + r.reason()));
        return Outcome.ERROR;
    }

    /** Moves into {@code target} under the same name, or NAME.1, NAME.2, … when a file of that name is there. */
    private Path move(Path file, Path target) throws IOException {
        String name = file.getFileName().toString();
        Path to = target.resolve(name).normalize();
        for (int i = 1; Files.exists(to, LinkOption.NOFOLLOW_LINKS) || Files.exists(
                to.resolveSibling(to.getFileName() + ".reason"), LinkOption.NOFOLLOW_LINKS); i++) {
            to = target.resolve(name + "." + i).normalize();
        }
        // The name comes from a directory listing (one component), but check anyway: data never picks a path.
        if (!to.getParent().equals(target)) {
            throw new IOException("refusing to move " + name + " outside " + target);
        }
        return Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Scans every {@code every} until {@link #stop}. */
    public void run(Duration every) {
        while (!stopped) {
            try {
                scanOnce();
            } catch (IOException e) {
                progress.errors(1);
                progress.message("error: cannot scan " + dir + ": " + e.getMessage());
            }
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                try {
                    lock.wait(Math.max(1, every.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
