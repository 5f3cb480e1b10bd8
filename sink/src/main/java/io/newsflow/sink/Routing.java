package io.newsflow.sink;

import io.newsflow.events.EventValidation;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Topics;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.newsflow.events.Entity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an enriched event goes: one per-label topic for each of its labels, and one file directory for
 * {@code news.enriched} plus one per label, by UTC date of publication (else of ingestion). Labels are checked
 * against the label alphabet and every path is checked to stay inside the output directory.
 */
public final class Routing {
    private Routing() {
    }

    public static List<String> labelTopics(Topics topics, SinkEvent event) {
        List<String> out = new ArrayList<>(event.labels().size());
        for (String label : event.labels()) {
            out.add(topics.labelTopic(label));
        }
        return out;
    }

    /** The distinct {@code country} codes of the event's entities, in order of first appearance. */
    public static List<String> countries(SinkEvent event) {
        Set<String> out = new LinkedHashSet<>();
        for (Entity e : event.entities()) {
            if (e.country() != null) {
                out.add(e.country());
            }
        }
        return new ArrayList<>(out);
    }

    public static LocalDate date(SinkEvent event) {
        return event.eventTime().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code <out>/enriched/date=YYYY-MM-DD}. */
    public static Path enrichedDir(Path out, SinkEvent event) {
        return inside(out, out.resolve("enriched").resolve("date=" + date(event)));
    }

    /** {@code <out>/topics/<label>/date=YYYY-MM-DD}. */
    public static Path labelDir(Path out, String label, SinkEvent event) {
        return inside(out, out.resolve("topics").resolve(EventValidation.requireLabel(label))
                .resolve("date=" + date(event)));
    }

    /** Every directory the event is filed under. */
    public static List<Path> dirs(Path out, SinkEvent event) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(enrichedDir(out, event));
        for (String label : event.labels()) {
            dirs.add(labelDir(out, label, event));
        }
        return dirs;
    }

    static Path inside(Path out, Path candidate) {
        Path root = out.toAbsolutePath().normalize();
        Path p = candidate.toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new InvalidEventException("path " + candidate + " would leave the output directory " + out);
        }
        return p;
    }
}
