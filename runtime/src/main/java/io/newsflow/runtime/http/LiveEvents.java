package io.newsflow.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Json;
import io.newsflow.events.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page's events: {@code news.enriched} read as any subscriber reads it (read_committed, no group), the latest
 * kept and served under {@code /api/events/}; an event that does not parse is skipped, never stopping the reader.
 */
public final class LiveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    /** The route prefix every events path shares. */
    public static final String PREFIX = "/api/events/";
    /** Events kept (and read back from the topic at start). */
    public static final int CAPACITY = 200;
    /** A proxy or browser drops a silent connection; a comment line this often keeps it open. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Streams at once: each holds one of the endpoint's threads, so the API stays reachable beside them. */
    static final int MAX_STREAMS = 4;
    static final int STREAM_BACKLOG = 256;
    static final int DEFAULT_LIMIT = 50;

    private final LatestEvents<EventSummary> latest;
    private final Broadcast<String> broadcast = new Broadcast<>(STREAM_BACKLOG, MAX_STREAMS);
    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration heartbeat;
    private final Thread reader;
    private volatile boolean stopped;

    /** Starts reading {@code topics.enriched()} with the client settings {@code clientConfig}. */
    public LiveEvents(Map<String, Object> clientConfig, Topics topics) {
        this(clientConfig, topics, CAPACITY, HEARTBEAT);
    }

    LiveEvents(Map<String, Object> clientConfig, Topics topics, int capacity, Duration heartbeat) {
        this.latest = new LatestEvents<>(capacity);
        this.heartbeat = heartbeat;
        Properties p = io.newsflow.runtime.PipelineObserver.committedReader(clientConfig);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-live-events");
        this.consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topics.enriched(), Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        // The last few of each partition, so an opened page is not empty; transaction markers take offsets too,
        // so this reads at most capacity events, usually fewer.
        int back = Math.max(1, capacity / Math.max(1, partitions.size()));
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        consumer.endOffsets(partitions).forEach((tp, end) -> consumer.seek(tp, Math.max(begin.get(tp), end - back)));
        this.reader = new Thread(this::read, "newsflow-live-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (!stopped) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    accept(r.value());
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll.
        } catch (RuntimeException e) {
            LOG.error("live events: reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Keeps one event and pushes its summary to the streams; a value that does not parse is skipped. */
    void accept(byte[] value) {
        if (value == null) {
            return;
        }
        EnrichedArticle e;
        try {
            e = Topics.ENRICHED_SERDE.fromBytes(value);
        } catch (RuntimeException bad) {
            LOG.warn("live events: skipped an event that does not parse: {}", bad.getMessage());
            return;
        }
        EventSummary s = EventSummary.of(e);
        latest.add(e.id(), s, new String(value, StandardCharsets.UTF_8));
        try {
            broadcast.publish(JSON.writeValueAsString(s));
        } catch (IOException unexpected) {
            LOG.warn("live events: cannot write the summary of {}", e.id(), unexpected);
        }
    }

    /** How many event streams are open now. */
    int streams() {
        return broadcast.listeners();
    }

    /** How many events are kept now. */
    public int size() {
        return latest.size();
    }

    /** Registers {@code /api/events/latest}, {@code /api/events/stream} and {@code /api/events/{id}}. */
    public LiveEvents register(HttpEndpoint endpoint) {
        endpoint.route(PREFIX, this::handle);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException, InterruptedException {
        if (!exchange.getRequestMethod().equals("GET")) {
            throw new HttpEndpoint.HttpError(405, "only GET");
        }
        String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        if (rest.equals("latest")) {
            int limit = limit(HttpEndpoint.query(exchange.getRequestURI()).get("limit"));
            // The event's own mapping (snake_case, ISO instants), as on the topic.
            HttpEndpoint.send(exchange, 200, "application/json; charset=utf-8",
                    JSON.writeValueAsBytes(Map.of("items", latest.latest(limit))));
        } else if (rest.equals("stream")) {
            stream(exchange);
        } else if (!rest.isEmpty() && !rest.contains("/")) {
            String id = URLDecoder.decode(rest, StandardCharsets.UTF_8);
            Optional<String> json = latest.json(id);
            if (json.isEmpty()) {
                throw new HttpEndpoint.HttpError(404, "no event " + id + " among the latest " + latest.capacity());
            }
            HttpEndpoint.send(exchange, 200, "application/json; charset=utf-8",
                    json.get().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new HttpEndpoint.HttpError(404, "not found: " + exchange.getRequestURI().getPath());
        }
    }

    static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= CAPACITY) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new HttpEndpoint.HttpError(400, "limit must be a number from 1 to " + CAPACITY + ", got '" + raw + "'");
    }

    /**
     * A server-sent event stream: each new summary as one {@code data:} line, a comment line every heartbeat. It
     * ends when the client goes (a write fails), falls too far behind, or the server stops.
     */
    private void stream(HttpExchange exchange) throws IOException, InterruptedException {
        Optional<Broadcast.Listener<String>> maybe = broadcast.listen();
        if (maybe.isEmpty()) {
            throw new HttpEndpoint.HttpError(503, "too many live streams open; poll " + PREFIX + "latest instead");
        }
        try (Broadcast.Listener<String> listener = maybe.get()) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 2000\n: newsflow live events\n\n");
            while (true) {
                Broadcast.Next<String> next = listener.next(heartbeat);
                if (next instanceof Broadcast.Message<String> m) {
                    write(out, "data: " + m.value() + "\n\n");
                } else if (next instanceof Broadcast.Idle<String>) {
                    write(out, ": heartbeat\n\n");
                } else {
                    return;
                }
            }
        } catch (IOException clientGone) {
            // The page was closed or reloaded: its listener is closed above, nothing else to do.
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends the streams and stops reading. */
    @Override
    public void close() {
        stopped = true;
        broadcast.close();
        consumer.wakeup();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
