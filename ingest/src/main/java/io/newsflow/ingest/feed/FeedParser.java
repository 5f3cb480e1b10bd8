package io.newsflow.ingest.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.events.Article;
import io.newsflow.events.InvalidEventException;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.ArticleText;
import io.newsflow.ingest.SourceItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * RSS 2.0 and Atom feeds (Rome) to articles. Per item: the body is the item's content, else its summary, as clean
 * text (HTML through {@link HtmlText}); the id is {@link ArticleIds#ofUrl} of the {@link CanonicalUrl} when the
 * item has a link, else {@link ArticleIds#of} of the content; the feed's guid is kept; {@code published_at} is the
 * first of feed published, feed updated, HTML {@code article:published_time}, JSON-LD {@code datePublished}, and
 * {@code published_at_source} names which.
 */
public final class FeedParser {
    public static final String FEED_PUBLISHED = "feed_published";
    public static final String FEED_UPDATED = "feed_updated";
    public static final String HTML_META = "html_meta";
    public static final String JSON_LD = "json_ld";

    /** A feed that could not be read at all (not XML, not RSS or Atom). */
    public static final class MalformedFeedException extends Exception {
        public MalformedFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Function<String, String> pageFetcher;

    /**
     * @param pageFetcher fetches an item's page (URL to HTML, null when it cannot) for items that carry no text;
     *                    null to never fetch pages (the default: one request per feed poll, not per item)
     */
    public FeedParser(Function<String, String> pageFetcher) {
        this.pageFetcher = pageFetcher;
    }

    /** The items of the feed at {@code feedUrl}, each parsed or rejected with a reason. */
    public List<SourceItem> parse(String feedUrl, byte[] xml, Instant ingestedAt) throws MalformedFeedException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            // XXE: Rome refuses DOCTYPEs unless allowed; say so explicitly, feeds are untrusted input.
            input.setAllowDoctypes(false);
            // Keep the wire items: Rome fills an RSS item's uri from its link when it has no guid.
            input.setPreserveWireFeed(true);
            feed = input.build(new XmlReader(new ByteArrayInputStream(xml)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new MalformedFeedException("malformed feed: " + firstLine(e.getMessage()), e);
        }
        String source = sourceName(feed, feedUrl);
        String feedLanguage = language(feed.getLanguage());
        List<SourceItem> items = new ArrayList<>();
        int n = 0;
        for (SyndEntry entry : feed.getEntries()) {
            n++;
            String guid = guid(entry);
            String origin = feedUrl + " item " + (guid != null ? guid : "#" + n);
            try {
                items.add(item(feedUrl, entry, source, feedLanguage, guid, origin, ingestedAt));
            } catch (RuntimeException e) {
                // One odd item (a bad link, an encoding surprise) must not cost the feed's other items.
                items.add(new SourceItem.Rejected(origin, "cannot read item: " + e.getMessage()));
            }
        }
        return items;
    }

    private SourceItem item(String feedUrl, SyndEntry entry, String source, String feedLanguage, String guid,
                            String origin, Instant ingestedAt) {
        String link = resolve(feedUrl, entry.getLink());
        String canonical = CanonicalUrl.of(link);
        String title = entry.getTitle() == null ? "" : HtmlText.text(entry.getTitle());

        String html = null;
        String body = "";
        SyndContent content = firstContent(entry);
        if (content != null) {
            if (isPlainText(content)) {
                body = content.getValue().strip();
            } else {
                html = content.getValue();
                body = HtmlText.text(html);
            }
        }
        if (body.isEmpty() && link != null && pageFetcher != null) {
            html = pageFetcher.apply(link);
            body = HtmlText.text(html);
        }

        Instant published = null;
        String publishedSource = null;
        if (entry.getPublishedDate() != null) {
            published = entry.getPublishedDate().toInstant();
            publishedSource = FEED_PUBLISHED;
        } else if (entry.getUpdatedDate() != null) {
            published = entry.getUpdatedDate().toInstant();
            publishedSource = FEED_UPDATED;
        } else {
            HtmlText.Published fromHtml = HtmlText.published(html);
            if (fromHtml != null) {
                published = fromHtml.at();
                publishedSource = fromHtml.source();
            }
        }

        // The same text rule as files (ArticleText), before the content id is derived from it.
        title = ArticleText.clean(title);
        body = ArticleText.clean(body);
        if (title.isBlank() && body.isBlank()) {
            return new SourceItem.Rejected(origin, "item has no title and no text"
                    + (link != null && pageFetcher == null ? " (only a link; --fetch-pages would fetch it)" : ""));
        }
        String id = canonical != null ? ArticleIds.ofUrl(canonical) : ArticleIds.of(title, body);
        String language = feedLanguage;
        Article article = new Article(Article.SCHEMA_VERSION, id, source, canonical != null ? canonical : link, title,
                body, null, published, ingestedAt, language, guid, publishedSource);
        try {
            return new SourceItem.Parsed(origin, ArticleFiles.accept(article));
        } catch (InvalidEventException e) {
            return new SourceItem.Rejected(origin, e.getMessage());
        }
    }

    /** Full content (content:encoded, Atom content) beats the summary; blank values do not count. */
    private static SyndContent firstContent(SyndEntry entry) {
        for (SyndContent c : entry.getContents()) {
            if (c != null && c.getValue() != null && !c.getValue().isBlank()) {
                return c;
            }
        }
        SyndContent d = entry.getDescription();
        return d != null && d.getValue() != null && !d.getValue().isBlank() ? d : null;
    }

    /** Atom says "text" for plain text; RSS descriptions are HTML by convention (Rome reports text/html). */
    private static boolean isPlainText(SyndContent c) {
        String type = c.getType();
        return type != null && (type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain"));
    }

    private static String resolve(String feedUrl, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return URI.create(feedUrl).resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link.strip();
        }
    }

    private static String sourceName(SyndFeed feed, String feedUrl) {
        String title = feed.getTitle() == null ? "" : HtmlText.text(feed.getTitle());
        if (!title.isBlank()) {
            return title;
        }
        try {
            String host = URI.create(feedUrl).getHost();
            return host != null ? host : feedUrl;
        } catch (IllegalArgumentException e) {
            return feedUrl;
        }
    }

    /** "en-us" gives "en": the Article carries ISO 639-1. */
    private static String language(String feedLanguage) {
        if (feedLanguage == null) {
            return null;
        }
        String l = feedLanguage.strip().toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        l = dash > 0 ? l.substring(0, dash) : l;
        return l.matches("[a-z]{2}") ? l : null;
    }

    /** The item's own guid: RSS {@code <guid>}, Atom {@code <id>}; null when the item has none. */
    private static String guid(SyndEntry entry) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            return item.getGuid() == null ? null : blankToNull(item.getGuid().getValue());
        }
        if (wire instanceof Entry atom) {
            return blankToNull(atom.getId());
        }
        return blankToNull(entry.getUri());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
