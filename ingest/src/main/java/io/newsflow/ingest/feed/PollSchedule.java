package io.newsflow.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When to poll next. Per feed the interval halves when a poll brings new items and doubles when it brings none
 * (or fails), always within [{@code min}, {@code max}]: busy feeds are read often, quiet ones rarely. Per host,
 * two requests are at least {@code hostGap} apart, however many of its feeds are due (politeness).
 */
public final class PollSchedule {
    private final Duration min;
    private final Duration max;
    private final Duration hostGap;
    private final Map<String, Instant> hostFree = new HashMap<>();

    public PollSchedule(Duration min, Duration max, Duration hostGap) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min-interval <= max-interval, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.hostGap = hostGap;
    }

    public Duration min() {
        return min;
    }

    /** The interval of a feed seen for the first time: the lower bound, to learn its pace quickly. */
    public Duration initial() {
        return min;
    }

    /** The next interval after a poll: halved on new items, doubled on none or on failure, within the bounds. */
    public Duration next(Duration current, boolean newItems) {
        Duration c = current == null ? initial() : current;
        Duration n = newItems ? c.dividedBy(2) : c.multipliedBy(2);
        return n.compareTo(min) < 0 ? min : n.compareTo(max) > 0 ? max : n;
    }

    /** The earliest time a request to {@code url}'s host may start, at or after {@code due}; reserves that slot. */
    public synchronized Instant reserve(String url, Instant due) {
        String host = host(url);
        Instant free = hostFree.getOrDefault(host, Instant.MIN);
        Instant start = due.isAfter(free) ? due : free;
        hostFree.put(host, start.plus(hostGap));
        return start;
    }

    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? url : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
