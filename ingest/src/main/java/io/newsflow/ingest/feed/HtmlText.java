package io.newsflow.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to article text with jsoup: scripts, styles, navigation, headers, footers, asides and forms are dropped;
 * each block element becomes a paragraph (paragraphs separated by a blank line, as in {@code Article.body}); and
 * the publish time is read from {@code <meta property="article:published_time">}, else JSON-LD
 * {@code datePublished}.
 */
public final class HtmlText {
    private static final String BOILERPLATE = "script,style,noscript,template,nav,header,footer,aside,form,iframe,"
            + "svg,button,figure figcaption";

    /** A publish time found in a page, with the rule that found it ({@code html_meta} or {@code json_ld}). */
    public record Published(Instant at, String source) {
    }

    private HtmlText() {
    }

    /** Clean text of an HTML page or fragment; the {@code <article>} element when the page has one. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        doc.select(BOILERPLATE).remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
        }
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    sb.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    sb.append("\n\n");
                }
            }
        }, root);
        List<String> paragraphs = new ArrayList<>();
        for (String p : sb.toString().split("\n{2,}")) {
            String clean = p.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** The page's publish time: {@code article:published_time} first, then JSON-LD; null when neither parses. */
    public static Published published(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document doc = Jsoup.parse(html);
        for (Element meta : doc.select("meta[property=article:published_time], meta[name=article:published_time]")) {
            Instant at = parseInstant(meta.attr("content"));
            if (at != null) {
                return new Published(at, FeedParser.HTML_META);
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                Instant at = datePublished(Json.MAPPER.readTree(script.data()), 0);
                if (at != null) {
                    return new Published(at, FeedParser.JSON_LD);
                }
            } catch (IOException e) {
                // Broken JSON-LD is common on the web; it just gives no date.
            }
        }
        return null;
    }

    /** Depth-first search for datePublished: JSON-LD nests it in @graph arrays and in mainEntity objects. */
    private static Instant datePublished(JsonNode node, int depth) {
        if (node == null || depth > 8) {
            return null;
        }
        if (node.isObject()) {
            JsonNode d = node.get("datePublished");
            if (d != null && d.isTextual()) {
                Instant at = parseInstant(d.textValue());
                if (at != null) {
                    return at;
                }
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                Instant at = datePublished(child, depth + 1);
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    /** ISO-8601 with or without offset (no offset means UTC), or a date alone (midnight UTC); null otherwise. */
    static Instant parseInstant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
