package io.newsflow.trends;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the trends query API (written with the snake_case mapper of {@code io.newsflow.events.Json}):
 * what one instance answers from its own stores, and what the merge of every instance's answer looks like.
 */
public final class Answers {
    private Answers() {
    }

    /** One key of a top-N list: its count in the current window, spike score and the last 24 counts, oldest first. */
    public record TrendItem(String id, String name, String type, long count, double spike, List<Long> series) {
    }

    /** {@code GET /api/trends}. */
    public record Trends(String window, String type, Instant asOf, List<TrendItem> items) {
    }

    /** One window of a key: start, end (exclusive), count. */
    public record Point(Instant start, Instant end, long count) {
    }

    /** {@code GET /api/entities/{id}/timeline}. */
    public record Timeline(String id, String name, String window, Instant asOf, List<Point> points) {
    }

    /** {@code GET /api/labels}: each label's points. */
    public record Labels(String window, Instant asOf, Map<String, List<Point>> labels) {
    }

    /** One entity found by name: its total is the articles counted since the stage's state began. */
    public record EntityMatch(String id, String name, String type, long total) {
    }

    /** {@code GET /api/entities?q=}. */
    public record Entities(String q, List<EntityMatch> items) {
    }

    /** {@code GET /api/entities/{id}/articles}. */
    public record EntityArticles(String id, String name, String type, List<ArticleRef> articles) {
    }

    /** {@code GET /api/clock}: the highest record time this instance has seen, null before any. */
    public record Clock(Instant asOf) {
    }
}
