package io.newsflow.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.events.Json;
import io.newsflow.runtime.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server a stage runs (health, metrics, trend queries, the live page), on the JDK's own server so the
 * stages carry no web framework. A handler that throws answers 500 with the reason and never stops the stage; an
 * address already taken is a start-up failure (exit 3) that names the address.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    /** Answers one request; may throw, the endpoint turns that into a 500. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** A client error with the status to answer and the message to show (400, 404, 405). */
    public static final class HttpError extends RuntimeException {
        private final int status;

        public HttpError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code hostPort} ("HOST:PORT", ":PORT" for every interface, port 0 for any free one) and starts serving.
     * Routes are added with {@link #route} afterwards; until then every path answers 404.
     */
    public static HttpEndpoint start(String hostPort) {
        InetSocketAddress address = parse(hostPort);
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (BindException e) {
            throw new StartupException("cannot serve HTTP on " + hostPort + ": the address is in use or not local ("
                    + e.getMessage() + "); choose another with --http HOST:PORT", e);
        } catch (IOException e) {
            throw new StartupException("cannot serve HTTP on " + hostPort + ": " + e.getMessage(), e);
        }
        // A few threads: server-sent event streams hold one each while a page is open.
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "newsflow-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        HttpEndpoint endpoint = new HttpEndpoint(server, executor);
        LOG.info("serving HTTP on {}", endpoint.url(""));
        return endpoint;
    }

    /** "HOST:PORT" or ":PORT"; a clear usage message for anything else. */
    public static InetSocketAddress parse(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("HTTP address must be HOST:PORT or :PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HTTP port must be a number in '" + hostPort + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port out of range in '" + hostPort + "'");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** The port actually bound (useful after port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** An address a browser on this machine can open, for the log and the demo's banner. */
    public String url(String path) {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
        return "http://" + host + ":" + a.getPort() + path;
    }

    /** Serves {@code prefix} (and everything under it, as the JDK server matches) with {@code handler}. */
    public HttpEndpoint route(String prefix, Handler handler) {
        server.createContext(prefix, guarded(handler));
        return this;
    }

    private static HttpHandler guarded(Handler handler) {
        return exchange -> {
            try (exchange) {
                try {
                    handler.handle(exchange);
                } catch (HttpError e) {
                    sendJson(exchange, e.status(), Map.of("error", e.getMessage()));
                } catch (Exception e) {
                    LOG.warn("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                    sendJson(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
                }
            } catch (IOException clientGone) {
                // The client closed the connection; nothing to answer.
            }
        };
    }

    /** Writes {@code body} as JSON with {@code status}, in the topics' own mapping (snake_case, ISO-8601 instants). */
    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
    }

    /** Writes {@code body} with its content type and status. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The query string's parameters, decoded; the last value wins when one repeats. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /**
     * Serves static files from the classpath folder {@code resourceRoot} under {@code prefix}; "/" maps to
     * index.html. Paths are resolved inside the folder only: ".." and absolute names answer 404.
     */
    public HttpEndpoint staticFiles(String prefix, String resourceRoot) {
        return route(prefix, exchange -> {
            String path = exchange.getRequestURI().getPath().substring(prefix.length());
            if (path.isEmpty() || path.endsWith("/")) {
                path = path + "index.html";
            }
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
            if (path.contains("..") || path.contains("\\") || path.startsWith("/")) {
                throw new HttpError(404, "not found");
            }
            try (InputStream in = HttpEndpoint.class.getClassLoader().getResourceAsStream(resourceRoot + "/" + path)) {
                if (in == null) {
                    throw new HttpError(404, "not found: " + path);
                }
                send(exchange, 200, contentType(path), in.readAllBytes());
            }
        });
    }

    static String contentType(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (p.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (p.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (p.endsWith(".json")) {
            return "application/json; charset=utf-8";
        } else if (p.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (p.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
