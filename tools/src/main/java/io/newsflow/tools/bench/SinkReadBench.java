package io.newsflow.tools.bench;

import io.newsflow.events.EntityMention;
import io.newsflow.events.Topics;
import io.newsflow.sink.SinkEvent;
import java.util.List;

/**
 * What the sink pays to read an event, per event, in alternating rounds of one run (so a noisy machine slows both
 * alike): the whole event decoded and validated, as the router and the file writer each did before, against the
 * streaming view they each read now, and the cost of encoding the event's mention records.
 */
public final class SinkReadBench {
    private SinkReadBench() {
    }

    /** Microseconds an event for each way of reading, and the mention fan-out per event. */
    public record Result(int events, int rounds, double fullMicros, double viewMicros, double mentionMicros,
                         double mentionsPerEvent, double eventBytes, double mentionBytes) {
        public String render() {
            return String.format(java.util.Locale.ROOT, "events %d, rounds %d each%n"
                            + "whole event decoded and validated: %.1f us an event%n"
                            + "sink view (streaming, skips body, mentions, evidence): %.1f us an event (%.2fx faster)%n"
                            + "mention records encoded: %.1f us an event (%.1f records, %.0f bytes, against %.0f bytes "
                            + "of the enriched event)%n",
                    events, rounds, fullMicros, viewMicros, fullMicros / viewMicros, mentionMicros, mentionsPerEvent,
                    mentionBytes, eventBytes);
        }
    }

    public static Result run(List<byte[]> events, double warmupSeconds, double seconds) {
        List<SinkEvent> views = events.stream().map(SinkEvent::read).toList();
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            sink += full(events) + view(events) + mentions(views);
        }
        long[] nanos = new long[3];
        int rounds = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            sink += full(events);
            long t1 = System.nanoTime();
            sink += view(events);
            long t2 = System.nanoTime();
            sink += mentions(views);
            long t3 = System.nanoTime();
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            rounds++;
        }
        if (sink == 42) {
            System.out.print("");  // keeps the work observable to the JIT
        }
        long eventBytes = 0;
        long mentionBytes = 0;
        long mentionCount = 0;
        for (byte[] e : events) {
            eventBytes += e.length;
            for (EntityMention m : mentionsOf(SinkEvent.read(e))) {
                mentionBytes += Topics.MENTION_SERDE.toBytes(m).length + m.entityId().length();
                mentionCount++;
            }
        }
        double per = 1e3 * rounds * events.size();
        return new Result(events.size(), rounds, nanos[0] / per, nanos[1] / per, nanos[2] / per,
                mentionCount / (double) events.size(), eventBytes / (double) events.size(),
                mentionBytes / (double) events.size());
    }

    private static long full(List<byte[]> events) {
        long n = 0;
        for (byte[] e : events) {
            n += Topics.ENRICHED_SERDE.fromBytes(e).entities().size();
        }
        return n;
    }

    private static long view(List<byte[]> events) {
        long n = 0;
        for (byte[] e : events) {
            n += SinkEvent.read(e).entities().size();
        }
        return n;
    }

    private static long mentions(List<SinkEvent> views) {
        long n = 0;
        for (SinkEvent v : views) {
            for (EntityMention m : mentionsOf(v)) {
                n += Topics.MENTION_SERDE.toBytes(m).length;
            }
        }
        return n;
    }

    private static List<EntityMention> mentionsOf(SinkEvent v) {
        return EntityMention.of(v.id(), v.entities(), v.labels(), v.publishedAt(), v.title());
    }
}
