package io.newsflow.runtime.trends;

import com.sun.net.httpserver.HttpExchange;
import io.newsflow.events.Json;
import io.newsflow.runtime.http.HttpEndpoint;
import io.newsflow.runtime.http.HttpEndpoint.HttpError;
import io.newsflow.trends.Answers;
import io.newsflow.trends.EntityInfo;
import io.newsflow.trends.Tally;
import io.newsflow.trends.TrendMerge;
import io.newsflow.trends.TrendQueries;
import io.newsflow.trends.TrendWindow;
import io.newsflow.trends.TrendsTopology;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The trends query API over HTTP. A key's query (timeline, articles) is answered by the instance whose active task
 * owns the key, found with {@code queryMetadataForKey}: another instance forwards it there. A global query (top-N,
 * labels, search, the clock) asks every instance that holds the store and merges. Forwarded requests carry
 * {@value #FORWARDED} and are answered from local state only, so a request is forwarded at most once. "Now" is the
 * latest record time seen by any instance ({@code as_of}), passed along so every instance answers for the same
 * window.
 */
public final class TrendsApi {
    public static final String FORWARDED = "X-Newsflow-Forwarded";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_LIMIT = 200;
    private static final String JSON = "application/json; charset=utf-8";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient client;
    private final Duration timeout;

    public TrendsApi(KafkaStreams streams, HostInfo self, Duration timeout) {
        this.streams = streams;
        this.self = self;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public void register(HttpEndpoint http) {
        http.route("/api/trends", this::trends);
        http.route("/api/labels", this::labels);
        http.route("/api/entities", this::entities);
        http.route("/api/clock", this::clock);
    }

    private void trends(HttpExchange ex) throws IOException {
        Map<String, String> q = request(ex, "/api/trends");
        TrendWindow w = window(q, "1h");
        String type = parse(() -> TrendQueries.type(q.getOrDefault("type", "PERSON")));
        int limit = limit(q, 20);
        TrendQueries.Sort sort = sort(q.getOrDefault("sort", "count"));
        Instant asOf = asOf(ex, q);
        if (asOf == null) {
            reply(ex, new Answers.Trends(w.label(), type, null, List.of()));
            return;
        }
        List<Answers.Trends> parts = new ArrayList<>();
        parts.add(new Answers.Trends(w.label(), type, asOf, local(() -> TrendQueries.top(windowStore(w),
                entityStore(), w, type, asOf.toEpochMilli(), limit, sort))));
        parts.addAll(fanOut(ex, w.storeName(), "/api/trends?window=" + w.label() + "&type=" + type + "&limit="
                + limit + "&sort=" + sort.name().toLowerCase(java.util.Locale.ROOT) + "&as_of=" + asOf,
                Answers.Trends.class));
        reply(ex, TrendMerge.trends(w.label(), type, asOf, parts, limit, sort));
    }

    private void labels(HttpExchange ex) throws IOException {
        Map<String, String> q = request(ex, "/api/labels");
        TrendWindow w = window(q, "24h");
        Instant asOf = asOf(ex, q);
        if (asOf == null) {
            reply(ex, new Answers.Labels(w.label(), null, Map.of()));
            return;
        }
        List<Answers.Labels> parts = new ArrayList<>();
        parts.add(new Answers.Labels(w.label(), asOf, local(() -> TrendQueries.labels(windowStore(w), w,
                asOf.toEpochMilli()))));
        parts.addAll(fanOut(ex, w.storeName(), "/api/labels?window=" + w.label() + "&as_of=" + asOf,
                Answers.Labels.class));
        reply(ex, TrendMerge.labels(w.label(), asOf, parts));
    }

    private void clock(HttpExchange ex) throws IOException {
        request(ex, "/api/clock");
        reply(ex, new Answers.Clock(localClock()));
    }

    /** {@code /api/entities?q=}, {@code /api/entities/{id}/timeline}, {@code /api/entities/{id}/articles}. */
    private void entities(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/api/entities") || path.equals("/api/entities/")) {
            search(ex, request(ex, path));
            return;
        }
        String[] parts = path.substring("/api/entities/".length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new HttpError(404, "not found: " + path);
        }
        String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        Map<String, String> q = request(ex, path);
        switch (parts[1]) {
            case "timeline" -> timeline(ex, q, id);
            case "articles" -> articles(ex, q, id);
            default -> throw new HttpError(404, "not found: " + path);
        }
    }

    private void search(HttpExchange ex, Map<String, String> q) throws IOException {
        String text = q.get("q");
        if (text == null || text.isBlank()) {
            throw new HttpError(400, "q (a name to look for) is required");
        }
        int limit = limit(q, 10);
        List<Answers.Entities> parts = new ArrayList<>();
        parts.add(new Answers.Entities(text, local(() -> TrendQueries.search(entityStore(), text, limit))));
        parts.addAll(fanOut(ex, TrendsTopology.ENTITIES_STORE, "/api/entities?q=" + encode(text) + "&limit=" + limit,
                Answers.Entities.class));
        reply(ex, TrendMerge.entities(text, parts, limit));
    }

    private void timeline(HttpExchange ex, Map<String, String> q, String id) throws IOException {
        TrendWindow w = window(q, "15m");
        Instant asOf = asOf(ex, q);
        if (forwardToOwner(ex, w.storeName(), id, "/api/entities/" + encode(id) + "/timeline?window=" + w.label()
                + (asOf == null ? "" : "&as_of=" + asOf))) {
            return;
        }
        if (asOf == null) {
            throw new HttpError(404, "no trend data yet");
        }
        Answers.Timeline t = local(() -> TrendQueries.timeline(windowStore(w), entityStore(), w, id,
                asOf.toEpochMilli(), TrendWindow.HISTORY));
        if (t.name() == null && t.points().stream().allMatch(p -> p.count() == 0)) {
            throw new HttpError(404, "no counts for '" + id + "' in the last " + TrendWindow.HISTORY + " "
                    + w.label() + " windows");
        }
        reply(ex, t);
    }

    private void articles(HttpExchange ex, Map<String, String> q, String id) throws IOException {
        int limit = limit(q, 10);
        if (forwardToOwner(ex, TrendsTopology.ENTITIES_STORE, id, "/api/entities/" + encode(id)
                + "/articles?limit=" + limit)) {
            return;
        }
        Answers.EntityArticles a = local(() -> TrendQueries.articles(entityStore(), id, limit));
        if (a == null) {
            throw new HttpError(404, "unknown entity '" + id + "'");
        }
        reply(ex, a);
    }

    // --- where the answer comes from -------------------------------------------------------------------------

    /** Sends the owner's answer and returns true when another instance owns {@code key}; false: answer here. */
    private boolean forwardToOwner(HttpExchange ex, String store, String key, String pathAndQuery)
            throws IOException {
        if (forwarded(ex)) {
            return false;
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new HttpError(503, "the owner of '" + key + "' is not known yet (state " + streams.state()
                    + "); retry");
        }
        if (owner.activeHost().equals(self)) {
            return false;
        }
        HttpResponse<byte[]> r = await(get(owner.activeHost(), pathAndQuery));
        HttpEndpoint.send(ex, r.statusCode(), JSON, r.body());
        return true;
    }

    /** The answers of every other instance holding {@code store}; none for a forwarded request. */
    private <T> List<T> fanOut(HttpExchange ex, String store, String pathAndQuery, Class<T> type) {
        if (forwarded(ex)) {
            return List.of();
        }
        List<HostInfo> others = others(store);
        List<CompletableFuture<HttpResponse<byte[]>>> calls = others.stream().map(h -> get(h, pathAndQuery)).toList();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            HttpResponse<byte[]> r = await(calls.get(i));
            if (r.statusCode() != 200) {
                throw new HttpError(502, "instance " + others.get(i) + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            try {
                out.add(Json.MAPPER.readValue(r.body(), type));
            } catch (IOException e) {
                throw new HttpError(502, "instance " + others.get(i) + " answered unreadable JSON: " + e.getMessage());
            }
        }
        return out;
    }

    private static HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof HttpError h) {
                throw h;
            }
            throw new HttpError(502, "forwarding failed: " + e.getCause());
        }
    }

    private List<HostInfo> others(String store) {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata m : streams.streamsMetadataForStore(store)) {
            if (!m.hostInfo().equals(self) && !hosts.contains(m.hostInfo())) {
                hosts.add(m.hostInfo());
            }
        }
        return hosts;
    }

    private CompletableFuture<HttpResponse<byte[]>> get(HostInfo host, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
                        + pathAndQuery))
                .timeout(timeout).header(FORWARDED, self.host() + ":" + self.port()).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).exceptionally(e -> {
            throw new HttpError(502, "instance " + host.host() + ":" + host.port() + " did not answer within "
                    + timeout.toSeconds() + " s: " + e);
        });
    }

    /** The {@code as_of} parameter, else the latest clock of all instances (null when none has seen a record). */
    private Instant asOf(HttpExchange ex, Map<String, String> q) {
        String given = q.get("as_of");
        if (given != null && !given.isBlank()) {
            return parse(() -> {
                try {
                    return Instant.parse(given);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("as_of must be an ISO-8601 instant such as "
                            + "2025-09-19T08:00:00Z, got '" + given + "'");
                }
            });
        }
        List<Instant> clocks = new ArrayList<>();
        clocks.add(localClock());
        fanOut(ex, TrendsTopology.CLOCK_STORE, "/api/clock", Answers.Clock.class).forEach(c -> clocks.add(c.asOf()));
        return TrendMerge.clock(clocks);
    }

    private Instant localClock() {
        return local(() -> TrendQueries.clock(streams.store(StoreQueryParameters.fromNameAndType(
                TrendsTopology.CLOCK_STORE, QueryableStoreTypes.<String, Long>keyValueStore()))));
    }

    private ReadOnlyWindowStore<String, Tally> windowStore(TrendWindow w) {
        return streams.store(StoreQueryParameters.fromNameAndType(w.storeName(),
                QueryableStoreTypes.<String, Tally>windowStore()));
    }

    private ReadOnlyKeyValueStore<String, EntityInfo> entityStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(TrendsTopology.ENTITIES_STORE,
                QueryableStoreTypes.<String, EntityInfo>keyValueStore()));
    }

    /** Runs a query on local state; a store that is restoring or moving answers 503, for the client to retry. */
    private <T> T local(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new HttpError(503, "trends state is not queryable now (state " + streams.state() + "): "
                    + e.getMessage() + "; retry");
        }
    }

    // --- request parsing -------------------------------------------------------------------------------------

    private static Map<String, String> request(HttpExchange ex, String path) {
        if (!ex.getRequestURI().getRawPath().equals(path)) {
            throw new HttpError(404, "not found: " + ex.getRequestURI().getRawPath());
        }
        if (!"GET".equals(ex.getRequestMethod())) {
            throw new HttpError(405, "only GET is served here");
        }
        return new LinkedHashMap<>(HttpEndpoint.query(ex.getRequestURI()));
    }

    private static boolean forwarded(HttpExchange ex) {
        return ex.getRequestHeaders().getFirst(FORWARDED) != null;
    }

    private static TrendWindow window(Map<String, String> q, String byDefault) {
        return parse(() -> TrendWindow.parse(q.getOrDefault("window", byDefault)));
    }

    private static int limit(Map<String, String> q, int byDefault) {
        String text = q.get("limit");
        if (text == null) {
            return byDefault;
        }
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "limit must be a number, got '" + text + "'");
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw new HttpError(400, "limit must be 1 to " + MAX_LIMIT + ", got " + n);
        }
        return n;
    }

    private static TrendQueries.Sort sort(String text) {
        for (TrendQueries.Sort s : TrendQueries.Sort.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new HttpError(400, "sort must be count or spike, got '" + text + "'");
    }

    private static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void reply(HttpExchange ex, Object answer) throws IOException {
        HttpEndpoint.send(ex, 200, JSON, Json.MAPPER.writeValueAsBytes(answer));
    }
}
