package io.newsflow.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: one page, commands
 * answered by id, nothing else (events are ignored). Enough to load a page, read it and take a screenshot.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Process chromium;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());

    private DevTools(Process chromium, String pageSocket) throws Exception {
        this.chromium = chromium;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener()).get(30, TimeUnit.SECONDS);
    }

    /** Starts {@code binary} headless with a profile in {@code profile} and connects to its first page. */
    static DevTools launch(Path binary, Path profile, Duration startup) throws Exception {
        List<String> cmd = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> browserSocket = new CompletableFuture<>();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        browserSocket.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // The browser went away; the future below times out with its output.
            }
            browserSocket.completeExceptionally(new IllegalStateException("chromium exited: " + lines));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI ws = URI.create(browserSocket.get(startup.toSeconds(), TimeUnit.SECONDS));
            // The HTTP side of the same port lists the targets; the page opened with about:blank is the one.
            URI list = URI.create("http://" + ws.getHost() + ":" + ws.getPort() + "/json/list");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(r.body())) {
                if ("page".equals(target.path("type").asText())) {
                    DevTools d = new DevTools(p, target.get("webSocketDebuggerUrl").asText());
                    d.stderr.addAll(lines);
                    return d;
                }
            }
            throw new IllegalStateException("no page target in " + r.body());
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Sends a command and returns a future of its result (completing exceptionally on a protocol error). */
    CompletableFuture<JsonNode> send(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        synchronized (socket) {
            socket.sendText(msg.toString(), true).join();
        }
        return f;
    }

    /** Sends a command and waits for its result. */
    JsonNode call(String method, Map<String, ?> params) throws Exception {
        return send(method, params).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The value of {@code expression} in the page (promises awaited), as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        return value(call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true)));
    }

    /** Sends an evaluation without waiting for it, e.g. a promise that resolves when something appears. */
    CompletableFuture<JsonNode> evaluateAsync(String expression) {
        return send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true)).thenApply(DevTools::value);
    }

    private static JsonNode value(JsonNode result) {
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.abort();
        } finally {
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                chromium.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                try {
                    JsonNode m = JSON.readTree(text);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) {
                            if (m.has("error")) {
                                f.completeExceptionally(new IllegalStateException("DevTools: " + m.get("error")));
                            } else {
                                f.complete(m.get("result"));
                            }
                        }
                    }
                } catch (IOException e) {
                    // Not JSON: not something this client asked for.
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }
}
