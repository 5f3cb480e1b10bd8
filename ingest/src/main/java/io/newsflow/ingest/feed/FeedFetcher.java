package io.newsflow.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP GET of feeds and pages with the JDK client: conditional (If-None-Match / If-Modified-Since from the last
 * answer, so an unchanged feed costs a 304 and no parsing), a connect and a whole-request timeout, redirects
 * followed, and bodies capped at {@link #MAX_BYTES} so one odd server cannot exhaust memory.
 */
public final class FeedFetcher {
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    static final String USER_AGENT = "newsflow-ingest/0.1 (+https://newsflow.io)";

    /** The outcome of one fetch. */
    public sealed interface Result {
    }

    /** 200: the body and the validators to send next time (either may be null). */
    public record Fetched(byte[] body, String etag, String lastModified) implements Result {
    }

    /** 304: nothing changed since the validators we sent. */
    public record NotModified() implements Result {
    }

    /** Anything else: an HTTP error status, a timeout, a refused connection; {@code reason} says which. */
    public record Failed(String reason) implements Result {
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    public FeedFetcher(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.requestTimeout = requestTimeout;
    }

    public Result fetch(String url, String etag, String lastModified) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).GET()
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                            + "text/xml;q=0.9, */*;q=0.1");
        } catch (IllegalArgumentException e) {
            return new Failed("bad URL: " + e.getMessage());
        }
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return new Failed("connect timeout after " + seconds(requestTimeout));
        } catch (HttpTimeoutException e) {
            return new Failed("timeout after " + seconds(requestTimeout));
        } catch (IOException e) {
            return new Failed("cannot fetch: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            if (status == 304) {
                return new NotModified();
            }
            if (status != 200) {
                return new Failed("HTTP " + status);
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                return new Failed("response larger than " + MAX_BYTES + " bytes");
            }
            return new Fetched(body, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (HttpTimeoutException e) {
            return new Failed("timeout after " + seconds(requestTimeout) + " reading the body");
        } catch (IOException e) {
            return new Failed("cannot read response: " + e.getMessage());
        }
    }

    /** An item's page as text for {@link HtmlText}, or null when it cannot be fetched. */
    public String page(String url) {
        Result r = fetch(url, null, null);
        return r instanceof Fetched f ? new String(f.body(), StandardCharsets.UTF_8) : null;
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}
