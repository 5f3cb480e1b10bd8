package io.newsflow.runtime.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest {@code capacity} events by id: one seen again replaces its copy and counts as newest; beyond the
 * capacity the oldest is forgotten, so memory stays bounded however long the page runs. Thread-safe.
 */
public final class LatestEvents<S> {
    private record Entry<S>(S summary, String json) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry<S>> byId = new LinkedHashMap<>();

    public LatestEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps {@code summary} and the event's stored JSON under {@code id}. */
    public synchronized void add(String id, S summary, String json) {
        byId.remove(id);
        byId.put(id, new Entry<>(summary, json));
        Iterator<Map.Entry<String, Entry<S>>> oldest = byId.entrySet().iterator();
        while (byId.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Up to {@code limit} summaries, newest first. */
    public synchronized List<S> latest(int limit) {
        List<S> all = new ArrayList<>(byId.size());
        byId.values().forEach(e -> all.add(e.summary()));
        List<S> newestFirst = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            newestFirst.add(all.get(i));
        }
        return newestFirst;
    }

    /** The event's JSON as it was stored, if it is still among the latest. */
    public synchronized Optional<String> json(String id) {
        Entry<S> e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.json());
    }

    public synchronized int size() {
        return byId.size();
    }

    public int capacity() {
        return capacity;
    }
}
