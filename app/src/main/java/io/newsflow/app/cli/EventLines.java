package io.newsflow.app.cli;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityMention;
import io.newsflow.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How {@code newsflow subscribe} prints an event: by default the record's JSON on one line (the bytes as written,
 * re-serialised only if they span lines); with {@code --pretty} one readable line,
 * {@code 2025-05-07T10:00:00Z [diplomacy,military] Title — Person A, Place B}.
 */
public final class EventLines {
    /** How many entities a pretty line names: the most mentioned first. */
    public static final int TOP_ENTITIES = 5;

    private EventLines() {
    }

    /** The JSON value as exactly one line, so the output is valid JSON Lines. */
    public static String json(byte[] value) {
        String s = new String(value, StandardCharsets.UTF_8);
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        try {
            return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(EnrichedArticle e) {
        List<Entity> byMentions = new ArrayList<>(e.entities());
        // Stable sort: among equally mentioned entities the article's own order stays.
        byMentions.sort(Comparator.comparingInt((Entity x) -> x.mentions().size()).reversed());
        List<String> names = byMentions.stream().limit(TOP_ENTITIES).map(Entity::name).toList();
        String more = byMentions.size() > TOP_ENTITIES ? ", …" : "";
        return line(e.eventTime(), e.labels(), e.title(), names.isEmpty() ? "" : String.join(", ", names) + more);
    }

    public static String pretty(EntityMention m) {
        String what = m.entity() + " (" + m.type() + (m.country() != null ? ", " + m.country() : "") + ") in "
                + m.articleId();
        return line(m.publishedAt(), m.labels(), m.title(), what);
    }

    private static String line(Instant time, List<String> labels, String title, String tail) {
        String t = title == null || title.isBlank() ? "(no title)" : title.strip().replaceAll("\\s+", " ");
        return (time == null ? "-" : time.toString()) + " [" + String.join(",", labels) + "] " + t
                + (tail.isEmpty() ? "" : " — " + tail);
    }
}
