package io.newsflow.runtime;

import io.newsflow.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the file sink wrote under an output directory, read back for tests: article ids per file group. */
public final class SinkFiles {
    private SinkFiles() {
    }

    /** The ids in every {@code .jsonl} file, grouped as "enriched" or "topics/LABEL", in file and line order. */
    public static Map<String, List<String>> idsInFiles(Path out) throws IOException {
        Map<String, List<String>> ids = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                Path rel = out.relativize(p);
                String group = rel.getName(0).toString().equals("enriched") ? "enriched"
                        : "topics/" + rel.getName(1);
                for (String line : Files.readAllLines(p)) {
                    ids.computeIfAbsent(group, g -> new ArrayList<>())
                            .add(Topics.ENRICHED_SERDE.fromBytes(line.getBytes(StandardCharsets.UTF_8)).id());
                }
            }
        }
        return ids;
    }
}
