package io.newsflow.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.CommandProcess;
import io.newsflow.events.Seeds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in a real browser: {@code newsflow demo --serve} on the seed articles (a child JVM, stopped with
 * SIGTERM), opened in headless Chromium driven over the DevTools protocol. The page must show the seed events with
 * their labels and entities, a seed person among the trending ones (the demo runs trends), and an article dropped into the watched
 * directory as it arrives over the event stream; the time from its enriched event to the page is printed, and the
 * screenshot is kept in {@code target/screenshots/demo-page.png}. Without Chromium it skips, except under
 * {@code CI=true}, where it fails.
 */
class LivePageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration DEMO_START = Duration.ofMinutes(3);
    private static final Duration SEEN = Duration.ofSeconds(60);
    private static final Pattern SERVING = Pattern.compile("newsflow demo: serving (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    // Markup in a title must show as text: the page never parses data as HTML.
    private static final String NEW_TITLE = "Finland and Estonia open <b>Baltic</b> ferry talks & more";

    @Test
    void theDemoPageShowsTheSeedEventsAndANewArticleAsItArrives(@TempDir Path tmp) throws Exception {
        requireChromium();
        Path watch = Files.createDirectories(tmp.resolve("watch"));
        try (CommandProcess demo = CommandProcess.start(SERVING, List.of("demo", "--serve", "--http", "127.0.0.1:0",
                "--input", Seeds.dir().toString(), "--out", tmp.resolve("out").toString(),
                "--watch", watch.toString()))) {
            String base = demo.awaitMatch(DEMO_START);
            try (DevTools browser = DevTools.launch(CHROMIUM, Files.createDirectories(tmp.resolve("profile")),
                    Duration.ofSeconds(60))) {
                checkPage(browser, base, watch);
            }
            assertTrue(demo.stop(Duration.ofSeconds(60)), "demo still running 60 s after SIGTERM");
            // A JVM ended by SIGTERM exits 143 once its shutdown hook is done; the hook stops the demo cleanly.
            String all = String.join("\n", demo.output());
            assertEquals(143, demo.exitValue(), all);
            assertTrue(demo.output().stream().noneMatch(l -> l.contains("stopped:") || l.contains("still stopping")
                    || l.contains("Exception")), "a clean stop: " + all);
        }
    }

    /**
     * The page against the trends API's documented shapes (served here as fixed answers, since the trends stage is
     * not part of the demo yet) and without an event stream: it must draw the label chart, a sparkline per trending
     * entity, an entity's timeline and articles, show names as text, and poll for events.
     */
    @Test
    void thePageDrawsTheTrendsApiAndPollsWithoutAStream(@TempDir Path tmp) throws Exception {
        requireChromium();
        String evil = "<img src=x onerror=\"document.title='owned'\">";
        List<Integer> series = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            series.add(i % 6);
        }
        Map<String, Object> poland = Map.of("id", "Q36", "name", "Poland", "type", "LOCATION", "count", 14,
                "spike", 3.2, "series", series);
        Map<String, Object> evilItem = Map.of("id", "person:evil", "name", evil, "type", "LOCATION", "count", 2,
                "spike", 0.5, "series", series);
        try (io.newsflow.runtime.http.HttpEndpoint server = io.newsflow.runtime.http.HttpEndpoint.start(
                "127.0.0.1:0")) {
            server.route("/api/trends", x -> io.newsflow.runtime.http.HttpEndpoint.sendJson(x, 200, Map.of(
                    "window", "1h", "type", "LOCATION", "as_of", "2026-12-02T12:00:00Z",
                    "items", List.of(poland, evilItem))));
            server.route("/api/labels", x -> io.newsflow.runtime.http.HttpEndpoint.sendJson(x, 200, Map.of(
                    "window", "24h", "labels", Map.of(
                            "military", List.of(bucket(10, 2), bucket(11, 5), bucket(12, 1)),
                            "diplomacy", List.of(bucket(10, 1), bucket(11, 0), bucket(12, 3))))));
            server.route("/api/entities", x -> {
                String path = x.getRequestURI().getPath();
                if (path.equals("/api/entities")) {
                    io.newsflow.runtime.http.HttpEndpoint.sendJson(x, 200, Map.of("q", "pol", "items", List.of(
                            Map.of("id", "Q36", "name", "Poland", "type", "LOCATION", "total", 14))));
                } else if (path.equals("/api/entities/Q36/timeline")) {
                    io.newsflow.runtime.http.HttpEndpoint.sendJson(x, 200, Map.of("id", "Q36", "name", "Poland",
                            "window", "15m", "points", List.of(bucket(10, 2), bucket(11, 4), bucket(12, 1))));
                } else if (path.equals("/api/entities/Q36/articles")) {
                    io.newsflow.runtime.http.HttpEndpoint.sendJson(x, 200, Map.of("id", "Q36", "name", "Poland",
                            "type", "LOCATION", "articles", List.of(Map.of(
                            "id", "a1", "title", "Poland launches large-scale army exercise near Baltic coast",
                            "published", "2026-12-02T11:00:00Z", "labels", List.of("military")))));
                } else {
                    throw new io.newsflow.runtime.http.HttpEndpoint.HttpError(404, "not found");
                }
            });
            // Latest events but no stream: the page must fall back to polling.
            server.route("/api/events/latest", x -> io.newsflow.runtime.http.HttpEndpoint.sendJson(x, 200,
                    Map.of("items", List.of(Map.of("id", "a1", "title", "A polled event " + evil,
                            "published", "2026-12-02T11:00:00Z", "labels", List.of(), "entities", List.of())))));
            server.staticFiles("/", io.newsflow.runtime.DemoWeb.PAGE);
            try (DevTools browser = DevTools.launch(CHROMIUM, Files.createDirectories(tmp.resolve("profile")),
                    Duration.ofSeconds(60))) {
                browser.call("Page.enable", Map.of());
                browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                        "deviceScaleFactor", 1, "mobile", false));
                browser.call("Page.navigate", Map.of("url", server.url("/")));
                assertTrue(waitForText(browser, "A polled event " + evil) > 0, text(browser));
                assertTrue(waitForText(browser, "polling every") > 0, "no stream, so polling: " + text(browser));
                assertTrue(waitForText(browser, "military (8)") > 0, "label legend with totals: " + text(browser));
                assertEquals(2, browser.evaluate("document.querySelectorAll('#labels polyline').length").asInt());
                assertTrue(waitForText(browser, "Poland") > 0, text(browser));
                assertEquals(2, browser.evaluate("document.querySelectorAll('#trends svg polyline').length")
                        .asInt(), "a sparkline per trending entity");
                assertEquals(24, browser.evaluate("document.querySelector('#trends svg polyline')"
                        + ".getAttribute('points').trim().split(' ').length").asInt(), "24 buckets");

                browser.evaluate("document.getElementById('search-q').value = 'pol';"
                        + " document.getElementById('search-form').requestSubmit(); true");
                assertTrue(waitForText(browser, "Poland (14)") > 0, text(browser));
                assertTrue(waitForText(browser, "Poland launches large-scale army exercise") > 0, text(browser));
                assertEquals(3, browser.evaluate("document.querySelectorAll('#entity rect').length").asInt(),
                        "a bar per timeline point");

                assertEquals(0, browser.evaluate("document.querySelectorAll('main img').length").asInt(),
                        "names are text, never markup");
                assertTrue(!browser.evaluate("document.title").asText().equals("owned"));
                screenshot(browser, "trends-page.png");
            }
        }
    }

    private static Map<String, Object> bucket(int hour, int count) {
        return Map.of("start", "2026-12-02T" + hour + ":00:00Z", "end", "2026-12-02T" + (hour + 1) + ":00:00Z",
                "count", count);
    }

    private static void screenshot(DevTools browser, String name) throws Exception {
        Path png = Path.of("target", "screenshots", name);
        Files.createDirectories(png.getParent());
        JsonNode shot = browser.call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
        System.out.println("live page screenshot: " + png.toAbsolutePath());
    }

    private void checkPage(DevTools browser, String base, Path watch) throws Exception {
        browser.call("Page.enable", Map.of());
        browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        browser.call("Page.navigate", Map.of("url", base));
        // A seed article, one of its labels and one of its entities, as the events list shows them.
        String seedTitle = "Poland launches large-scale army exercise near Baltic coast";
        assertTrue(waitForText(browser, seedTitle) > 0, "seed title not on the page: " + text(browser));
        JsonNode item = browser.evaluate("(() => { const li = [...document.querySelectorAll('#events > li')]"
                + ".find(l => l.querySelector('.title').textContent === " + js(seedTitle) + ");"
                + " return { text: li.innerText, href: li.querySelector('.title').getAttribute('href') }; })()");
        assertTrue(item.get("text").asText().contains("military"), item.toString());
        assertTrue(item.get("text").asText().contains("Poland"), item.toString());
        String href = item.get("href").asText();
        assertTrue(href.startsWith("/api/events/"), href);
        JsonNode linked = JSON.readTree(get(base + href.substring(1)).body());
        assertEquals(seedTitle, linked.get("title").asText(), "the title links to its own event's JSON");

        // The demo runs the trends stage on the same endpoint: a seed's person (its article has no publish date,
        // so it counts at ingest time, inside the last hour) is among the trending people, with a sparkline.
        assertEquals(200, get(base + "api/trends?window=1h&type=PERSON&limit=20").statusCode());
        assertTrue(waitForText(browser, "#trends", "Vladimir Putin") > 0, "no seed person among the trending: "
                + browser.evaluate("document.querySelector('#trends').innerText").asText());
        assertTrue(browser.evaluate("document.querySelectorAll('#trends svg polyline').length").asInt() > 0,
                "trending entities have sparklines");

        // The search against the real trends API: a seed person, its count, its timeline and its articles.
        browser.evaluate("document.getElementById('search-q').value = 'Putin';"
                + " document.getElementById('search-form').requestSubmit(); true");
        assertTrue(waitForText(browser, "#search-section", "Vladimir Putin (") > 0, "search result with its count: "
                + browser.evaluate("document.querySelector('#search-section').innerText").asText());
        assertTrue(waitForText(browser, "#entity", "Nicolas Maduro and Russia") > 0,
                "the entity's latest article: "
                        + browser.evaluate("document.querySelector('#search-section').innerText").asText());
        String found = browser.evaluate("document.querySelector('#search-section').innerText").asText();
        assertTrue(java.util.regex.Pattern.compile("Vladimir Putin \\([1-9][0-9]*\\)").matcher(found).find(),
                "the search shows how many articles name him: " + found);
        assertTrue(browser.evaluate("document.querySelectorAll('#entity rect').length").asInt() > 0,
                "a timeline bar per 15-minute bucket");

        // A new article while the page is open: written under a temporary name and renamed, as a feeder would.
        CompletableFuture<JsonNode> seen = browser.evaluateAsync(waitForTextScript(NEW_TITLE));
        Path part = watch.resolve("new-article.txt.part");
        Files.writeString(part, NEW_TITLE + "\n\nHELSINKI, Dec 2 (NWS) - Finland and Estonia opened talks on a new "
                + "ferry link across the Gulf of Finland on Wednesday, the Finnish foreign ministry said in Helsinki."
                + "\n\n© 2026 Northern Wire Service. All rights reserved.\n");
        long written = System.currentTimeMillis();
        Files.move(part, watch.resolve("new-article.txt"), StandardCopyOption.ATOMIC_MOVE);
        long seenAt = seen.get(SEEN.toSeconds() + 10, TimeUnit.SECONDS).asLong();
        assertTrue(seenAt > 0, "the new article did not appear within " + SEEN.toSeconds() + " s: "
                + text(browser));
        String status = browser.evaluate("document.getElementById('status').textContent").asText();
        assertEquals("live", status, "the page gets events over the stream, not by polling");
        JsonNode markup = browser.evaluate("document.querySelectorAll('#events b').length");
        assertEquals(0, markup.asInt(), "a title's markup is shown as text, never parsed");

        JsonNode latest = JSON.readTree(get(base + "api/events/latest?limit=50").body()).get("items");
        String id = null;
        for (JsonNode s : latest) {
            if (s.get("title").asText().equals(NEW_TITLE)) {
                id = s.get("id").asText();
            }
        }
        assertTrue(id != null, "the new article is among the latest: " + latest);
        JsonNode event = JSON.readTree(get(base + "api/events/" + id).body());
        long enriched = Instant.parse(event.get("enriched_at").asText()).toEpochMilli();
        System.out.printf("live page: enriched event -> on the page %d ms; file dropped -> on the page %d ms%n",
                seenAt - enriched, seenAt - written);

        screenshot(browser, "demo-page.png");
    }

    private static String waitForTextScript(String text) {
        return waitForTextScript(text, SEEN);
    }

    /** Resolves with the browser's clock when {@code text} is in the page, or -1 after {@code wait}. */
    private static String waitForTextScript(String text, Duration wait) {
        return waitForTextScript("body", text, wait);
    }

    /** As above, for the text of the first element matching {@code selector}. */
    private static String waitForTextScript(String selector, String text, Duration wait) {
        return "new Promise(resolve => {"
                + " const want = " + js(text) + ";"
                + " const has = () => { const e = document.querySelector(" + js(selector) + ");"
                + " return !!e && e.innerText.includes(want); };"
                + " if (has()) { resolve(Date.now()); return; }"
                + " const obs = new MutationObserver(() => { if (has()) { obs.disconnect(); resolve(Date.now()); } });"
                + " obs.observe(document, { childList: true, subtree: true, characterData: true });"
                + " setTimeout(() => { obs.disconnect(); resolve(has() ? Date.now() : -1); }, " + wait.toMillis() + ");"
                + "})";
    }

    /**
     * The browser's clock when {@code text} is on the page, or -1 after {@link #SEEN}. Asks in rounds of 2 s, since
     * a navigation under way replaces the document (and ends a script waiting in the old one).
     */
    private static long waitForText(DevTools browser, String text) throws Exception {
        return waitForText(browser, "body", text);
    }

    /** As above, within the first element matching {@code selector}. */
    private static long waitForText(DevTools browser, String selector, String text) throws Exception {
        long deadline = System.nanoTime() + SEEN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long at = browser.evaluate(waitForTextScript(selector, text, Duration.ofSeconds(2))).asLong();
                if (at > 0) {
                    return at;
                }
            } catch (IllegalStateException documentReplaced) {
                // The next round asks the new document.
            }
        }
        return -1;
    }

    private static String text(DevTools browser) throws Exception {
        return browser.evaluate("document.body ? document.body.innerText : ''").asText();
    }

    private static String js(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String msg = CHROMIUM + " not found (Debian: apt-get install chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(msg + ": CI=true, so the live page must be tested in a browser");
        }
        Assumptions.abort(msg + "; skipped because CI is not set");
    }
}
