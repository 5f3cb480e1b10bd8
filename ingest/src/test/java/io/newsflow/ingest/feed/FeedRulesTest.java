package io.newsflow.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure rules: canonical URLs, HTML text and dates, the adaptive schedule, the state file. */
class FeedRulesTest {
    @Test
    void canonicalUrlDropsTrackingAndFragmentAndSortsParameters() {
        assertEquals("https://news.test/a/b?id=7&page=2",
                CanonicalUrl.of("HTTPS://News.Test:443/a/b?utm_source=x&page=2&fbclid=1&id=7&gclid=2&ref=home#c"));
        assertEquals("http://news.test:8080/", CanonicalUrl.of("http://news.test:8080"));
        assertEquals("http://news.test/x", CanonicalUrl.of("http://news.test/x?utm_campaign=a&UTM_MEDIUM=b"));
        assertNull(CanonicalUrl.of("mailto:desk@news.test"));
        assertNull(CanonicalUrl.of("/relative/only"));
        assertNull(CanonicalUrl.of("http://bad host/"));
    }

    @Test
    void htmlTextKeepsParagraphsAndDropsBoilerplate() {
        String html = "<html><head><style>p{}</style></head><body><header>Site</header>"
                + "<p>First&nbsp;para <a href=x>link</a>.</p><script>x()</script><div>Second<br>third</div>"
                + "<footer>foot</footer></body></html>";
        assertEquals("First para link.\n\nSecond\n\nthird", HtmlText.text(html));
        assertEquals("plain words", HtmlText.text("plain   words"));
        assertEquals("", HtmlText.text(null));
    }

    @Test
    void publishedTimeFromMetaBeforeJsonLd() {
        String both = "<head><meta property=\"article:published_time\" content=\"2025-06-02T09:00:00Z\">"
                + "<script type=\"application/ld+json\">{\"datePublished\":\"2024-01-01\"}</script></head>";
        HtmlText.Published p = HtmlText.published(both);
        assertEquals(Instant.parse("2025-06-02T09:00:00Z"), p.at());
        assertEquals(FeedParser.HTML_META, p.source());
        HtmlText.Published ld = HtmlText.published(
                "<script type=\"application/ld+json\">[{\"@type\":\"X\"},{\"datePublished\":\"2024-01-01\"}]</script>");
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), ld.at());
        assertEquals(FeedParser.JSON_LD, ld.source());
        assertNull(HtmlText.published("<script type=\"application/ld+json\">{broken</script>"));
        assertNull(HtmlText.published("<meta property=\"article:published_time\" content=\"yesterday\">"));
    }

    @Test
    void intervalHalvesOnNewItemsDoublesOnNoneWithinBounds() {
        PollSchedule s = new PollSchedule(Duration.ofMinutes(1), Duration.ofMinutes(8), Duration.ofSeconds(1));
        assertEquals(Duration.ofMinutes(2), s.next(null, false));
        assertEquals(Duration.ofMinutes(8), s.next(Duration.ofMinutes(8), false));
        assertEquals(Duration.ofMinutes(4), s.next(Duration.ofMinutes(8), true));
        assertEquals(Duration.ofMinutes(1), s.next(Duration.ofMinutes(1), true));
        assertThrows(IllegalArgumentException.class,
                () -> new PollSchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ZERO));
    }

    @Test
    void hostGapSpacesRequestsToOneHostOnly() {
        PollSchedule s = new PollSchedule(Duration.ofMinutes(1), Duration.ofMinutes(8), Duration.ofSeconds(5));
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        assertEquals(t, s.reserve("http://a.test/1", t));
        assertEquals(t.plusSeconds(5), s.reserve("http://A.test/2", t));
        assertEquals(t, s.reserve("http://b.test/1", t));
        assertEquals(t.plusSeconds(60), s.reserve("http://a.test/1", t.plusSeconds(60)));
    }

    @Test
    void stateSurvivesARoundTripAndACorruptFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/state.json");
        FeedState s = FeedState.load(file);
        s.markSeen("http://f/1", "id1");
        s.update("http://f/1", "\"e\"", "Tue, 03 Jun 2025 10:00:00 GMT", Duration.ofMinutes(4),
                Instant.parse("2025-01-01T00:00:00Z"));
        s.save();
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        FeedState back = FeedState.load(file);
        assertTrue(back.seen("id1"));
        assertFalse(back.seen("id2"));
        assertEquals("\"e\"", back.feed("http://f/1").etag());
        assertEquals(Duration.ofMinutes(4), back.feed("http://f/1").interval());
        assertEquals(Set.of("id1"), back.feed("http://f/1").seen());
        Files.writeString(file, "{not json");
        assertThrows(IOException.class, () -> FeedState.load(file));
    }

    @Test
    void seenIdsAreCappedPerFeedOldestFirst() throws IOException {
        FeedState s = FeedState.load(null);
        for (int i = 0; i <= FeedState.MAX_SEEN_PER_FEED; i++) {
            s.markSeen("f", "id" + i);
        }
        assertEquals(FeedState.MAX_SEEN_PER_FEED, s.feed("f").seen().size());
        assertFalse(s.feed("f").seen().contains("id0"));
    }
}
