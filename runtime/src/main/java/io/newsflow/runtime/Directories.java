package io.newsflow.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory tree the pipeline owns (a demo's broker, a replay's old output): best effort, never fatal. */
final class Directories {
    private Directories() {
    }

    /** Deletes {@code dir} and everything under it, deepest first; what cannot be deleted is left. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A directory left behind is not worth failing the command over; the caller's next check says so.
        }
    }
}
