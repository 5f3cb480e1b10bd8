package io.newsflow.trends;

import io.newsflow.events.EntityIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The queries one instance answers from its own stores, as plain records ({@link Answers}). "Now" is {@code asOf},
 * a record time; the current window is {@link TrendWindow#currentStart}, counted live (it may still grow until it
 * closes), and a key's history is the 24 windows a size apart that end with it.
 */
public final class TrendQueries {
    /** How a top-N list is ordered: by count in the current window, or by spike score. */
    public enum Sort { COUNT, SPIKE }

    private static final Comparator<Answers.TrendItem> BY_COUNT = Comparator
            .comparingLong(Answers.TrendItem::count).reversed()
            .thenComparing(Comparator.comparingDouble(Answers.TrendItem::spike).reversed())
            .thenComparing(Answers.TrendItem::id);
    private static final Comparator<Answers.TrendItem> BY_SPIKE = Comparator
            .comparingDouble(Answers.TrendItem::spike).reversed()
            .thenComparing(Comparator.comparingLong(Answers.TrendItem::count).reversed())
            .thenComparing(Answers.TrendItem::id);
    private static final Comparator<Answers.EntityMatch> BY_TOTAL = Comparator
            .comparingLong(Answers.EntityMatch::total).reversed().thenComparing(Answers.EntityMatch::id);

    private TrendQueries() {
    }

    public static Comparator<Answers.TrendItem> order(Sort sort) {
        return sort == Sort.SPIKE ? BY_SPIKE : BY_COUNT;
    }

    /** The {@code limit} keys of {@code type} with the highest count (or spike) in the current window. */
    public static List<Answers.TrendItem> top(ReadOnlyWindowStore<String, Tally> store,
                                             ReadOnlyKeyValueStore<String, EntityInfo> entities, TrendWindow w,
                                             String type, long asOfMs, int limit, Sort sort) {
        long start = w.currentStart(asOfMs);
        List<KeyValue<String, Tally>> current = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Tally> it = store.fetchAll(Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(start))) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Tally> kv = it.next();
                if (kv.key.window().start() == start && type.equals(kv.value.type()) && kv.value.count() > 0) {
                    current.add(KeyValue.pair(kv.key.key(), kv.value));
                }
            }
        }
        if (sort == Sort.COUNT) {
            // Only the first `limit` by count need their history read.
            current.sort(Comparator.comparingLong((KeyValue<String, Tally> kv) -> kv.value.count()).reversed()
                    .thenComparing(kv -> kv.key));
            current = current.subList(0, Math.min(limit, current.size()));
        }
        List<Answers.TrendItem> items = new ArrayList<>();
        for (KeyValue<String, Tally> kv : current) {
            items.add(item(store, w, kv.key, name(entities, kv.key), kv.value, start));
        }
        items.sort(order(sort));
        return List.copyOf(items.subList(0, Math.min(limit, items.size())));
    }

    /** A key's display name: a label's or country's from the key, an entity's from the index (else its id). */
    static String name(ReadOnlyKeyValueStore<String, EntityInfo> entities, String key) {
        String name = TrendKeys.nameOf(key);
        if (name != null) {
            return name;
        }
        EntityInfo info = entities.get(key);
        return info == null ? null : info.name();
    }

    private static Answers.TrendItem item(ReadOnlyWindowStore<String, Tally> store, TrendWindow w, String key,
                                          String name, Tally tally, long start) {
        // One read: the 24 baseline windows before the current one, and the current one.
        long[] counts = counts(store, w, key, start, TrendWindow.HISTORY + 1);
        long[] baseline = java.util.Arrays.copyOfRange(counts, 0, TrendWindow.HISTORY);
        List<Long> series = new ArrayList<>(TrendWindow.HISTORY);
        for (int i = 1; i <= TrendWindow.HISTORY; i++) {
            series.add(counts[i]);
        }
        return new Answers.TrendItem(key, name, tally.type(), tally.count(),
                SpikeScore.of(tally.count(), baseline).z(), series);
    }

    /** The counts of the {@code n} windows a size apart ending with the one at {@code start}, oldest first. */
    static long[] counts(ReadOnlyWindowStore<String, Tally> store, TrendWindow w, String key, long start, int n) {
        long size = w.size().toMillis();
        long[] counts = new long[n];
        try (WindowStoreIterator<Tally> it = store.fetch(key, Instant.ofEpochMilli(start - (n - 1) * size),
                Instant.ofEpochMilli(start))) {
            while (it.hasNext()) {
                KeyValue<Long, Tally> kv = it.next();
                long back = start - kv.key;
                if (back >= 0 && back % size == 0 && back / size < n) {
                    counts[n - 1 - (int) (back / size)] = kv.value.count();
                }
            }
        }
        return counts;
    }

    /** The key's last {@code n} windows, with its display name (null for an entity the index does not know). */
    public static Answers.Timeline timeline(ReadOnlyWindowStore<String, Tally> store,
                                            ReadOnlyKeyValueStore<String, EntityInfo> entities, TrendWindow w,
                                            String key, long asOfMs, int n) {
        long start = w.currentStart(asOfMs);
        long[] counts = counts(store, w, key, start, n);
        return new Answers.Timeline(key, name(entities, key), w.label(), Instant.ofEpochMilli(asOfMs),
                points(w, start, counts));
    }

    private static List<Answers.Point> points(TrendWindow w, long start, long[] counts) {
        long[] starts = w.seriesStarts(start, counts.length);
        List<Answers.Point> points = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            points.add(new Answers.Point(Instant.ofEpochMilli(starts[i]),
                    Instant.ofEpochMilli(starts[i] + w.size().toMillis()), counts[i]));
        }
        return points;
    }

    /** Every label this instance holds, with its last {@link TrendWindow#HISTORY} windows, labels sorted by name. */
    public static Map<String, List<Answers.Point>> labels(ReadOnlyWindowStore<String, Tally> store, TrendWindow w,
                                                          long asOfMs) {
        long start = w.currentStart(asOfMs);
        long size = w.size().toMillis();
        int n = TrendWindow.HISTORY;
        Map<String, long[]> counts = new TreeMap<>();
        // ';' follows ':' so this is every key starting "label:".
        try (KeyValueIterator<Windowed<String>, Tally> it = store.fetch(TrendKeys.LABEL_PREFIX, "label;",
                Instant.ofEpochMilli(start - (n - 1) * size), Instant.ofEpochMilli(start))) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Tally> kv = it.next();
                String key = kv.key.key();
                long back = start - kv.key.window().start();
                if (key.startsWith(TrendKeys.LABEL_PREFIX) && back >= 0 && back % size == 0 && back / size < n) {
                    counts.computeIfAbsent(key.substring(TrendKeys.LABEL_PREFIX.length()), k -> new long[n])
                            [n - 1 - (int) (back / size)] = kv.value.count();
                }
            }
        }
        Map<String, List<Answers.Point>> out = new LinkedHashMap<>();
        counts.forEach((label, c) -> out.put(label, points(w, start, c)));
        return out;
    }

    /**
     * Entities whose folded name (accents and case dropped, {@link EntityIds#fold}) contains the folded query, or
     * whose id is the query; most articles first. Reads the whole index: fine for this instance's share of entities.
     */
    public static List<Answers.EntityMatch> search(ReadOnlyKeyValueStore<String, EntityInfo> entities, String q,
                                                   int limit) {
        String folded = EntityIds.fold(q);
        List<Answers.EntityMatch> found = new ArrayList<>();
        try (KeyValueIterator<String, EntityInfo> it = entities.all()) {
            while (it.hasNext()) {
                EntityInfo e = it.next().value;
                if (e.id().equalsIgnoreCase(q.strip())
                        || !folded.isEmpty() && EntityIds.fold(e.name()).contains(folded)) {
                    found.add(new Answers.EntityMatch(e.id(), e.name(), e.type(), e.total()));
                }
            }
        }
        found.sort(BY_TOTAL);
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    public static Comparator<Answers.EntityMatch> byTotal() {
        return BY_TOTAL;
    }

    /** The entity's latest articles, newest first, or null when this instance does not know it. */
    public static Answers.EntityArticles articles(ReadOnlyKeyValueStore<String, EntityInfo> entities, String id,
                                                  int limit) {
        EntityInfo e = entities.get(id);
        if (e == null) {
            return null;
        }
        return new Answers.EntityArticles(e.id(), e.name(), e.type(),
                e.articles().subList(0, Math.min(limit, e.articles().size())));
    }

    /** The highest record time of this instance's tasks, or null before any record. */
    public static Instant clock(ReadOnlyKeyValueStore<String, Long> clock) {
        long max = Long.MIN_VALUE;
        // One entry per task (partition): the composite store of this instance lists each.
        try (KeyValueIterator<String, Long> it = clock.all()) {
            while (it.hasNext()) {
                max = Math.max(max, it.next().value);
            }
        }
        return max == Long.MIN_VALUE ? null : Instant.ofEpochMilli(max);
    }

    /** "PERSON", "label" ... upper-cased and checked against the known types. */
    public static String type(String text) {
        String t = text == null ? "" : text.toUpperCase(Locale.ROOT);
        if (!io.newsflow.events.TrendEvent.TYPES.contains(t)) {
            throw new IllegalArgumentException("type must be one of PERSON, ORGANIZATION, LOCATION, MISC, LABEL, "
                    + "COUNTRY, got '" + text + "'");
        }
        return t;
    }
}
