package io.newsflow.ingest.feed;

import io.newsflow.events.Article;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.IngestProgress;
import io.newsflow.ingest.SourceItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polls feeds: conditional fetch, parse, drop the items the state has already published, publish the rest, then
 * remember them and the validators in the state file. The validators are kept only when every new item was
 * acknowledged, so a failed send is retried on the next poll instead of being hidden behind a 304. One thread; a
 * slow feed delays the others at most by the request timeout.
 */
public final class FeedPoller {
    /** What one poll did. */
    public enum Status { FETCHED, NOT_MODIFIED, FAILED }

    public record PollResult(String url, Status status, int published, int duplicates, List<String> errors,
                             Duration nextInterval) {
    }

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedState state;
    private final PollSchedule schedule;
    private final ArticlePublisher publisher;
    private final IngestProgress progress;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile boolean stopped;

    public FeedPoller(FeedFetcher fetcher, FeedParser parser, FeedState state, PollSchedule schedule,
                      ArticlePublisher publisher, IngestProgress progress, Clock clock) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.state = state;
        this.schedule = schedule;
        this.publisher = publisher;
        this.progress = progress;
        this.clock = clock;
    }

    /** One poll of one feed, now, without waiting for its schedule; the state is saved before it returns. */
    public PollResult poll(String url) {
        FeedState.Feed feed = state.feed(url);
        FeedFetcher.Result result = fetcher.fetch(url, feed.etag(), feed.lastModified());
        PollResult out;
        if (result instanceof FeedFetcher.NotModified) {
            out = finish(url, Status.NOT_MODIFIED, feed.etag(), feed.lastModified(), 0, 0, List.of());
        } else if (result instanceof FeedFetcher.Failed f) {
            out = finish(url, Status.FAILED, feed.etag(), feed.lastModified(), 0, 0, List.of(url + ": " + f.reason()));
        } else {
            FeedFetcher.Fetched fetched = (FeedFetcher.Fetched) result;
            out = publishItems(url, feed, fetched);
        }
        progress.published(out.published());
        progress.duplicates(out.duplicates());
        progress.errors(out.errors().size());
        out.errors().forEach(e -> progress.message("error: " + e));
        return out;
    }

    private PollResult publishItems(String url, FeedState.Feed feed, FeedFetcher.Fetched fetched) {
        List<SourceItem> items;
        try {
            items = parser.parse(url, fetched.body(), clock.instant());
        } catch (FeedParser.MalformedFeedException e) {
            // Keep the old validators: a fixed feed under the same ETag would otherwise never be read.
            return finish(url, Status.FAILED, feed.etag(), feed.lastModified(), 0, 0,
                    List.of(url + ": " + e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        List<Article> fresh = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        int duplicates = 0;
        for (SourceItem item : items) {
            if (item instanceof SourceItem.Rejected r) {
                errors.add(r.origin() + ": " + r.reason());
            } else if (item instanceof SourceItem.Parsed p) {
                String id = p.article().id();
                if (state.seen(id) || !batch.add(id)) {
                    duplicates++;
                } else {
                    fresh.add(p.article());
                }
            }
        }
        List<String> failures = new ArrayList<>();
        Set<String> acked = fresh.isEmpty() ? Set.of() : publisher.publish(fresh, failures);
        for (Article a : fresh) {
            if (acked.contains(a.id())) {
                state.markSeen(url, a.id());
            }
        }
        errors.addAll(failures);
        boolean allSent = failures.isEmpty() && acked.size() == fresh.size();
        return finish(url, Status.FETCHED, allSent ? fetched.etag() : feed.etag(),
                allSent ? fetched.lastModified() : feed.lastModified(), acked.size(), duplicates, errors);
    }

    private PollResult finish(String url, Status status, String etag, String lastModified, int published,
                              int duplicates, List<String> errors) {
        Duration interval = schedule.next(state.feed(url).interval(), published > 0);
        state.update(url, etag, lastModified, interval, clock.instant().plus(interval));
        try {
            state.save();
        } catch (IOException e) {
            // Without the state a restart would publish again: stop rather than carry on silently.
            throw new UncheckedIOException("cannot save feed state: " + e.getMessage(), e);
        }
        return new PollResult(url, status, published, duplicates, List.copyOf(errors), interval);
    }

    /** Polls every feed once, in order, keeping the per-host gap (for {@code --once}, cron and tests). */
    public List<PollResult> pollAllOnce(List<String> urls) {
        List<PollResult> results = new ArrayList<>();
        for (String url : urls) {
            if (!waitUntil(schedule.reserve(url, clock.instant()))) {
                break;
            }
            results.add(poll(url));
        }
        return results;
    }

    /**
     * Polls until {@link #stop}: always the feed that is due first (its saved next-poll time, so a restart keeps
     * the pace), no earlier than its host allows.
     */
    public void run(List<String> urls) {
        while (!stopped) {
            String next = null;
            Instant due = null;
            for (String url : urls) {
                Instant d = state.feed(url).nextPoll();
                Instant at = d == null ? clock.instant() : d;
                if (due == null || at.isBefore(due)) {
                    next = url;
                    due = at;
                }
            }
            if (next == null || !waitUntil(schedule.reserve(next, due))) {
                return;
            }
            poll(next);
        }
    }

    /** Ends {@link #run} after the current poll; wakes it when it is waiting. */
    public void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** False when stopped while waiting. */
    private boolean waitUntil(Instant at) {
        synchronized (lock) {
            while (!stopped) {
                long ms = Duration.between(clock.instant(), at).toMillis();
                if (ms <= 0) {
                    return true;
                }
                try {
                    lock.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
            return false;
        }
    }
}
