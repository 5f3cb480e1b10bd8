package io.newsflow.events;

import java.util.regex.Pattern;

/**
 * The rules an event must meet beyond its JSON shape; every reader applies them, so an invalid event is rejected
 * with a reason (and dead-lettered) instead of travelling on.
 */
public final class EventValidation {
    /** Labels become topic-name and directory parts, so they are restricted to a safe alphabet. */
    public static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private EventValidation() {
    }

    public static Article validate(Article a) {
        if (a == null) {
            throw new InvalidEventException("null article");
        }
        if (a.schemaVersion() != Article.SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schema_version " + a.schemaVersion()
                    + " (this reader knows " + Article.SCHEMA_VERSION + ")");
        }
        requireText(a.id(), "id");
        if (a.source() == null) {
            throw new InvalidEventException("missing field 'source'");
        }
        if (a.title() == null || a.body() == null) {
            throw new InvalidEventException("missing field '" + (a.title() == null ? "title" : "body") + "'");
        }
        if (a.title().isBlank() && a.body().isBlank()) {
            throw new InvalidEventException("empty article: title and body are both blank");
        }
        if (a.ingestedAt() == null) {
            throw new InvalidEventException("missing field 'ingested_at'");
        }
        return a;
    }

    public static EnrichedArticle validate(EnrichedArticle e) {
        if (e == null) {
            throw new InvalidEventException("null enriched article");
        }
        if (e.schemaVersion() != EnrichedArticle.SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schema_version " + e.schemaVersion()
                    + " (this reader knows " + EnrichedArticle.SCHEMA_VERSION + ")");
        }
        validate(e.article());
        for (String label : e.labels()) {
            requireLabel(label);
        }
        return e;
    }

    public static String requireLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new InvalidEventException("invalid label '" + label + "': labels match " + LABEL.pattern());
        }
        return label;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing or empty field '" + name + "'");
        }
    }
}
