package io.newsflow.ingest.feed;

import static io.newsflow.ingest.feed.FeedServer.rss;
import static io.newsflow.ingest.feed.FeedServer.rssItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.ArticlePublisher;
import io.newsflow.ingest.IngestProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real loopback HTTP server; every case is one {@code poll()}, so nothing waits on time. */
class FeedPollerTest {
    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";

    /** Records what was published; acknowledges at most {@code ackLimit} articles per call (a crash mid-batch). */
    static final class Recorder implements ArticlePublisher {
        final List<Article> published = new ArrayList<>();
        int ackLimit = Integer.MAX_VALUE;

        @Override
        public Set<String> publish(List<Article> articles, List<String> failures) {
            Set<String> acked = new HashSet<>();
            for (Article a : articles) {
                if (acked.size() < ackLimit) {
                    published.add(a);
                    acked.add(a.id());
                } else {
                    failures.add(a.id() + ": broker gone");
                }
            }
            return acked;
        }

        List<String> titles() {
            return published.stream().map(Article::title).toList();
        }
    }

    @TempDir
    Path dir;
    FeedServer server;
    Recorder recorder;
    PollSchedule schedule = new PollSchedule(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ZERO);

    @BeforeEach
    void start() throws Exception {
        server = new FeedServer();
        recorder = new Recorder();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FeedPoller poller(FeedParser parser) throws Exception {
        return new FeedPoller(new FeedFetcher(Duration.ofSeconds(2), Duration.ofMillis(1500)), parser,
                FeedState.load(dir.resolve("state.json")), schedule, recorder, IngestProgress.silent(),
                Clock.systemUTC());
    }

    FeedPoller poller() throws Exception {
        return poller(new FeedParser(null));
    }

    static String item(int n) {
        return rssItem("g" + n, "Story " + n, "http://news.test/s/" + n + "?utm_source=rss",
                "<p>Paragraph one of story " + n + ".</p><p>Two.</p>", "Tue, 03 Jun 2025 10:0" + n + ":00 GMT");
    }

    @Test
    void feedThatGainsItemsPublishesOnlyTheNewOnes() throws Exception {
        String url = server.url("/rss");
        server.put("/rss", FeedServer.Response.ok(rss(item(1), item(2)), RSS));
        FeedPoller poller = poller();
        FeedPoller.PollResult first = poller.poll(url);
        assertEquals(2, first.published());
        server.put("/rss", FeedServer.Response.ok(rss(item(3), item(1), item(2)), RSS));
        FeedPoller.PollResult second = poller.poll(url);
        assertEquals(1, second.published());
        assertEquals(2, second.duplicates());
        assertEquals(List.of("Story 1", "Story 2", "Story 3"), recorder.titles());

        Article a = recorder.published.get(0);
        assertEquals("http://news.test/s/1", a.url(), "tracking parameters dropped");
        assertEquals(ArticleIds.ofUrl("http://news.test/s/1"), a.id());
        assertEquals("g1", a.guid());
        assertEquals("Paragraph one of story 1.\n\nTwo.", a.body());
        assertEquals(Instant.parse("2025-06-03T10:01:00Z"), a.publishedAt());
        assertEquals(FeedParser.FEED_PUBLISHED, a.publishedAtSource());
        assertEquals("Test Wire", a.source());
        assertEquals("en", a.language());

        // No new items: the interval grows; new items: it shrinks (never below the minimum).
        FeedPoller.PollResult third = poller.poll(url);
        assertEquals(0, third.published());
        assertTrue(third.nextInterval().compareTo(second.nextInterval()) > 0, third + " after " + second);
    }

    @Test
    void anOverSizeItemIsRejectedBeforeSendingAndControlCharactersAreStripped() throws Exception {
        String url = server.url("/big");
        String huge = "<p>" + "word ".repeat(220_000) + "</p>";
        server.put("/big", FeedServer.Response.ok(rss(item(1),
                rssItem("g-big", "Huge story", "http://news.test/big", huge, null),
                rssItem("g-ctl", "Oil\u009d talks\u009d", "http://news.test/ctl", "<p>Body\u0085 text.</p>", null)),
                RSS));
        FeedPoller.PollResult r = poller().poll(url);
        assertEquals(2, r.published());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("g-big") && r.errors().get(0).contains("article too large")
                && r.errors().get(0).contains("over the limit of 1048576 bytes"), r.errors().get(0));
        assertEquals(List.of("Story 1", "Oil talks"), recorder.titles());
        assertEquals("Body text.", recorder.published.get(1).body());
    }

    @Test
    void etagIsSentBackAndA304StopsThere() throws Exception {
        String url = server.url("/etag");
        server.put("/etag", FeedServer.Response.ok(rss(item(1)), RSS).withEtag("\"v1\""));
        FeedPoller poller = poller();
        assertEquals(1, poller.poll(url).published());
        FeedPoller.PollResult again = poller.poll(url);
        assertEquals(FeedPoller.Status.NOT_MODIFIED, again.status());
        assertEquals(0, again.published());
        assertEquals(1, server.count("/etag", 304));
        assertEquals("\"v1\"", server.requests.get(1).ifNoneMatch());
        assertEquals(1, recorder.published.size());
    }

    @Test
    void lastModifiedIsSentBackAndA304StopsThere() throws Exception {
        String url = server.url("/lm");
        String lm = "Tue, 03 Jun 2025 10:00:00 GMT";
        server.put("/lm", FeedServer.Response.ok(rss(item(1)), RSS).withLastModified(lm));
        FeedPoller poller = poller();
        assertEquals(1, poller.poll(url).published());
        assertEquals(FeedPoller.Status.NOT_MODIFIED, poller.poll(url).status());
        assertEquals(lm, server.requests.get(1).ifModifiedSince());
        assertNull(server.requests.get(0).ifModifiedSince());
    }

    @Test
    void serverErrorIsReportedAndBacksOff() throws Exception {
        String url = server.url("/broken");
        server.put("/broken", new FeedServer.Response(500, "oops", "text/plain", null, null, 0));
        FeedPoller.PollResult r = poller().poll(url);
        assertEquals(FeedPoller.Status.FAILED, r.status());
        assertTrue(r.errors().get(0).contains("HTTP 500"), r.errors().toString());
        assertEquals(Duration.ofMinutes(1), r.nextInterval(), "doubled from the 30 s minimum");
        assertTrue(recorder.published.isEmpty());
    }

    @Test
    void slowServerTimesOut() throws Exception {
        String url = server.url("/slow");
        server.put("/slow", new FeedServer.Response(200, rss(item(1)), RSS, null, null, 5_000));
        long t0 = System.nanoTime();
        FeedPoller.PollResult r = poller().poll(url);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(FeedPoller.Status.FAILED, r.status());
        assertTrue(r.errors().get(0).contains("timeout"), r.errors().toString());
        assertTrue(ms < 4_500, "gave up at the 1.5 s request timeout, took " + ms + " ms");
    }

    @Test
    void malformedFeedIsReportedAndItsValidatorsAreNotKept() throws Exception {
        String url = server.url("/bad");
        server.put("/bad", FeedServer.Response.ok("<rss><channel><item><title>unclosed", RSS).withEtag("\"x\""));
        FeedPoller poller = poller();
        FeedPoller.PollResult r = poller.poll(url);
        assertEquals(FeedPoller.Status.FAILED, r.status());
        assertTrue(r.errors().get(0).contains("malformed feed"), r.errors().toString());
        server.put("/bad", FeedServer.Response.ok("not xml at all", "text/html"));
        assertTrue(poller.poll(url).errors().get(0).contains("malformed feed"));
        assertNull(server.requests.get(1).ifNoneMatch(), "a malformed answer's ETag is not sent back");
    }

    @Test
    void atomItemWithHtmlOnlyGetsCleanTextAndTheUpdatedDate() throws Exception {
        String url = server.url("/atom");
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Atom Desk</title><id>urn:feed</id><updated>2025-06-03T12:00:00Z</updated>
                  <entry>
                    <title>Ministers meet</title><id>urn:uuid:1225c695</id>
                    <link href="https://News.Test/a/ministers#top"/>
                    <updated>2025-06-03T11:30:00Z</updated>
                    <summary type="html">&lt;div&gt;&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;The ministers met &lt;b&gt;today&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;They agreed.&lt;/p&gt;&lt;/div&gt;</summary>
                  </entry>
                </feed>
                """;
        server.put("/atom", FeedServer.Response.ok(atom, ATOM));
        assertEquals(1, poller().poll(url).published());
        Article a = recorder.published.get(0);
        assertEquals("The ministers met today.\n\nThey agreed.", a.body());
        assertEquals("urn:uuid:1225c695", a.guid());
        assertEquals("https://news.test/a/ministers", a.url());
        assertEquals(Instant.parse("2025-06-03T11:30:00Z"), a.publishedAt());
        assertEquals(FeedParser.FEED_UPDATED, a.publishedAtSource());
        assertEquals("Atom Desk", a.source());
    }

    @Test
    void linkOnlyItemTakesTextAndDateFromItsPageWhenFetchingIsOn() throws Exception {
        String url = server.url("/links");
        String page = server.url("/page/1");
        server.put("/links", FeedServer.Response.ok(rss(rssItem("p1", "Linked story", page, null, null)), RSS));
        server.put("/page/1", FeedServer.Response.ok("""
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2025-06-01T08:00:00+02:00"}]}
                </script></head><body><nav>Home | World</nav><article><h1>Linked story</h1><p>Body from the page.</p></article>
                <footer>(c) Test</footer></body></html>""", "text/html"));
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertEquals(1, poller(new FeedParser(fetcher::page)).poll(url).published());
        Article a = recorder.published.get(0);
        assertEquals("p1", a.guid());
        assertEquals("Linked story\n\nBody from the page.", a.body());
        assertEquals(Instant.parse("2025-06-01T06:00:00Z"), a.publishedAt());
        assertEquals(FeedParser.JSON_LD, a.publishedAtSource());

        // Pages are not fetched by default: the item keeps its title, the body stays empty.
        recorder.published.clear();
        Files.delete(dir.resolve("state.json"));
        assertEquals(1, poller().poll(url).published());
        assertEquals("", recorder.published.get(0).body());
        assertEquals("Linked story", recorder.published.get(0).title());
        assertNull(recorder.published.get(0).publishedAt());
        assertEquals(1, server.count("/page/1", 200));
    }

    @Test
    void restartInTheMiddlePublishesNothingTwice() throws Exception {
        String url = server.url("/restart");
        server.put("/restart", FeedServer.Response.ok(rss(item(1), item(2), item(3)), RSS).withEtag("\"r1\""));
        // First process: the broker acknowledges one article, then "dies".
        recorder.ackLimit = 1;
        FeedPoller.PollResult first = poller().poll(url);
        assertEquals(1, first.published());
        assertEquals(2, first.errors().size());
        // Second process, same state file: the other two, and not the first again (ETag not kept: not all sent).
        recorder.ackLimit = Integer.MAX_VALUE;
        FeedPoller.PollResult second = poller().poll(url);
        assertEquals(2, second.published());
        assertEquals(1, second.duplicates());
        assertNull(server.requests.get(1).ifNoneMatch());
        // Third process: all sent, so now the ETag is used and nothing is published.
        assertEquals(FeedPoller.Status.NOT_MODIFIED, poller().poll(url).status());
        assertEquals(List.of("Story 1", "Story 2", "Story 3"), recorder.titles());
    }

    @Test
    void oneArticleUnderTwoTrackingUrlsIsOneArticle() throws Exception {
        String url = server.url("/dupes");
        server.put("/dupes", FeedServer.Response.ok(rss(
                rssItem("a", "Same", "http://news.test/x?id=7&utm_medium=email", "text", null),
                rssItem("b", "Same", "http://NEWS.test/x?fbclid=abc&id=7#comments", "text", null)), RSS));
        FeedPoller.PollResult r = poller().poll(url);
        assertEquals(1, r.published());
        assertEquals(1, r.duplicates());

        // An item without guid has a null guid, not its link; an item without link gets the content id.
        server.put("/noguid", FeedServer.Response.ok(rss("<item><title>No guid</title><link>http://news.test/n</link>"
                + "<description>x</description></item>", "<item><title>No link</title><description>Only text."
                + "</description></item>"), RSS));
        assertEquals(2, poller().poll(server.url("/noguid")).published());
        Article noGuid = recorder.published.get(1);
        assertNull(noGuid.guid());
        Article noLink = recorder.published.get(2);
        assertNull(noLink.url());
        assertEquals(ArticleIds.of("No link", "Only text."), noLink.id());
    }

    @Test
    void pollAllOnceVisitsEveryFeedAndKeepsTheHostGap() throws Exception {
        server.put("/a", FeedServer.Response.ok(rss(item(1)), RSS));
        server.put("/b", FeedServer.Response.ok(rss(item(2)), RSS));
        schedule = new PollSchedule(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMillis(300));
        long t0 = System.nanoTime();
        List<FeedPoller.PollResult> results = poller().pollAllOnce(List.of(server.url("/a"), server.url("/b")));
        assertEquals(2, results.size());
        assertEquals(2, recorder.published.size());
        assertTrue(System.nanoTime() - t0 >= 300_000_000L, "the second request to the same host waited the gap");
    }
}
