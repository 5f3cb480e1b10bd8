package io.newsflow.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the answers of every instance into one. Each key lives on exactly one instance (its partition's active
 * task), so a key's item, points and total come whole from one answer: the merge only orders and cuts.
 */
public final class TrendMerge {
    private TrendMerge() {
    }

    public static Answers.Trends trends(String window, String type, Instant asOf,
                                        Collection<Answers.Trends> parts, int limit, TrendQueries.Sort sort) {
        List<Answers.TrendItem> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.items()));
        all.sort(TrendQueries.order(sort));
        return new Answers.Trends(window, type, asOf, List.copyOf(all.subList(0, Math.min(limit, all.size()))));
    }

    public static Answers.Labels labels(String window, Instant asOf, Collection<Answers.Labels> parts) {
        Map<String, List<Answers.Point>> merged = new TreeMap<>();
        parts.forEach(p -> merged.putAll(p.labels()));
        return new Answers.Labels(window, asOf, new LinkedHashMap<>(merged));
    }

    public static Answers.Entities entities(String q, Collection<Answers.Entities> parts, int limit) {
        List<Answers.EntityMatch> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.items()));
        all.sort(TrendQueries.byTotal());
        return new Answers.Entities(q, List.copyOf(all.subList(0, Math.min(limit, all.size()))));
    }

    /** The latest of the instances' clocks; null when none has seen a record. */
    public static Instant clock(Collection<Instant> clocks) {
        return clocks.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
