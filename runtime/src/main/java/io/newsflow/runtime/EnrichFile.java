package io.newsflow.runtime;

import io.newsflow.enrich.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Topics;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The enrich stage without Kafka: articles read as ingest reads them, enriched by the same {@link Enricher} the
 * stream runs, one event a line as {@code news.enriched} carries it. A bad input is reported with its reason and
 * never stops the others; the output appears whole (written aside, then renamed) or not at all.
 */
public final class EnrichFile {
    /** What a run did. {@code rejected} holds "origin: reason" lines, in input order. */
    public record Summary(int read, int enriched, int duplicates, List<String> rejected, List<String> skipped,
                   Map<String, Integer> labels, long entities, double seconds) {
        public String render(Path out) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "enriched %d of %d article(s) in %.1f s (%.0f articles/s) to %s%n",
                    enriched, read, seconds, seconds > 0 ? enriched / seconds : 0, out));
            b.append(String.format(Locale.ROOT, "entities %d (%.1f an article); labels %s%n", entities,
                    enriched == 0 ? 0 : (double) entities / enriched, labels));
            if (duplicates > 0) {
                b.append("duplicates skipped (same article id): ").append(duplicates).append('\n');
            }
            for (String s : skipped) {
                b.append("skipped (not an article file): ").append(s).append('\n');
            }
            b.append("rejected: ").append(rejected.size()).append('\n');
            for (String r : rejected) {
                b.append("  ").append(r).append('\n');
            }
            return b.toString();
        }
    }

    private EnrichFile() {
    }

    /**
     * Enriches every article of {@code inputs} into {@code out}; {@code progress} (may be null) gets a line about
     * every {@code progressEvery} articles.
     */
    public static Summary run(List<Path> inputs, Path out, Enricher enricher, Clock clock, PrintStream progress,
                       int progressEvery) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = (parent == null ? Path.of(".") : parent).resolve("." + out.getFileName() + ".tmp");
        long t0 = System.nanoTime();
        int[] counts = new int[3]; // read, enriched, duplicates
        long[] entities = {0};
        List<String> rejected = new ArrayList<>();
        Map<String, Integer> labels = new LinkedHashMap<>();
        enricher.labels().forEach(l -> labels.put(l, 0));
        Set<String> seen = new HashSet<>();
        ArticleFiles files = new ArticleFiles(clock);
        try (OutputStream o = Files.newOutputStream(tmp)) {
            files.read(inputs, item -> {
                if (item instanceof SourceItem.Rejected r) {
                    rejected.add(r.origin() + ": " + r.reason());
                    return;
                }
                SourceItem.Parsed p = (SourceItem.Parsed) item;
                counts[0]++;
                if (!seen.add(p.article().id())) {
                    counts[2]++;
                    return;
                }
                EnrichedArticle e;
                try {
                    e = enricher.enrich(p.article().id(), p.article());
                } catch (InvalidEventException | IllegalArgumentException ex) {
                    rejected.add(p.origin() + ": " + ex.getMessage());
                    return;
                }
                try {
                    o.write(Topics.ENRICHED_SERDE.toBytes(e));
                    o.write('\n');
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                counts[1]++;
                entities[0] += e.entities().size();
                e.labels().forEach(l -> labels.merge(l, 1, Integer::sum));
                if (progress != null && counts[1] % progressEvery == 0) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    progress.printf(Locale.ROOT, "enriched %d (%.0f articles/s), rejected %d%n", counts[1],
                            counts[1] / s, rejected.size());
                }
            });
            o.flush();
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(counts[0], counts[1], counts[2], rejected, files.skipped(), labels, entities[0],
                (System.nanoTime() - t0) / 1e9);
    }
}
