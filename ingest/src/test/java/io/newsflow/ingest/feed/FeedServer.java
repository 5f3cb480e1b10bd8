package io.newsflow.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server for feed tests: each path serves what the test last put there, conditional GET included. */
final class FeedServer implements AutoCloseable {
    /** What one path answers. {@code delayMs} holds the answer back (to make the client time out). */
    record Response(int status, String body, String contentType, String etag, String lastModified, long delayMs) {
        static Response ok(String body, String contentType) {
            return new Response(200, body, contentType, null, null, 0);
        }

        Response withEtag(String e) {
            return new Response(status, body, contentType, e, lastModified, delayMs);
        }

        Response withLastModified(String lm) {
            return new Response(status, body, contentType, etag, lm, delayMs);
        }
    }

    /** One request as the server saw it. */
    record Seen(String path, String ifNoneMatch, String ifModifiedSince, int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void put(String path, Response r) {
        responses.put(path, r);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Response r = responses.get(path);
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        try (ex) {
            if (r == null) {
                record(path, inm, ims, 404);
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (r.delayMs() > 0) {
                try {
                    // A stalled server: hold the answer back until the delay passes or the server closes.
                    closed.await(r.delayMs(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            boolean notModified = r.status() == 200 && ((r.etag() != null && r.etag().equals(inm))
                    || (r.etag() == null && r.lastModified() != null && r.lastModified().equals(ims)));
            if (r.etag() != null) {
                ex.getResponseHeaders().add("ETag", r.etag());
            }
            if (r.lastModified() != null) {
                ex.getResponseHeaders().add("Last-Modified", r.lastModified());
            }
            if (notModified) {
                record(path, inm, ims, 304);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            record(path, inm, ims, r.status());
            byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
            if (r.contentType() != null) {
                ex.getResponseHeaders().add("Content-Type", r.contentType());
            }
            ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client gave up (timeout test): nothing to answer.
        }
    }

    private void record(String path, String inm, String ims, int status) {
        requests.add(new Seen(path, inm, ims, status));
    }

    long count(String path, int status) {
        return requests.stream().filter(s -> s.path().equals(path) && s.status() == status).count();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test Wire</title>"
                + "<link>http://example.com/</link><description>d</description><language>en-us</language>"
                + String.join("", items) + "</channel></rss>";
    }

    static String rssItem(String guid, String title, String link, String description, String pubDate) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title>"
                + (link == null ? "" : "<link>" + link + "</link>")
                + (description == null ? "" : "<description><![CDATA[" + description + "]]></description>")
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>";
    }
}
