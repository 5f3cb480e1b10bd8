package io.newsflow.runtime.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.runtime.StreamsService;
import io.newsflow.runtime.http.HttpEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a long-running stage process reports about itself: its meters, the progress line every 30 s, and,
 * with an HTTP address, {@code /health/live}, {@code /health/ready} and {@code /metrics}. Started before the stage
 * (so a taken port fails the start, exit 3, and liveness answers during start-up), closed after it.
 */
public final class StageMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StageMonitor.class);

    private final ProcessMetrics metrics;
    private final StageMetrics meters;
    private final HttpEndpoint endpoint;
    private final long maxLag;
    private final ScheduledExecutorService progress;
    private volatile Supplier<Readiness> readiness;
    private volatile StreamsProbe probe;
    private final List<KafkaClientMetrics> clients = new CopyOnWriteArrayList<>();
    private final boolean ownsMetrics;

    private StageMonitor(String stage, ProcessMetrics metrics, boolean ownsMetrics, HttpEndpoint endpoint,
                         long maxLag, Clock clock) {
        this.metrics = metrics;
        this.ownsMetrics = ownsMetrics;
        this.meters = metrics.stage(stage);
        this.endpoint = endpoint;
        this.maxLag = maxLag;
        this.readiness = () -> Readiness.starting(stage);
        if (endpoint != null) {
            HealthRoutes.register(endpoint, metrics, () -> readiness.get());
        }
        ProgressLine line = new ProgressLine(stage, clock);
        this.progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsflow-" + stage + "-progress");
            t.setDaemon(true);
            return t;
        });
        long every = ProgressLine.EVERY.toMillis();
        progress.scheduleAtFixedRate(() -> {
            try {
                LOG.info(line.next(meters.totals()));
            } catch (RuntimeException e) {
                // A task that throws is never run again: one missed line must not end the stage's progress log.
                LOG.warn("{}: no progress line this time: {}", stage, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts monitoring {@code stage} with a registry of its own; serves HTTP on {@code httpAddress} ("HOST:PORT")
     * unless it is null or empty. A taken address throws a StartupException (exit 3).
     */
    public static StageMonitor start(String stage, String httpAddress, long maxLag) {
        ProcessMetrics metrics = new ProcessMetrics();
        HttpEndpoint endpoint = null;
        if (httpAddress != null && !httpAddress.isBlank()) {
            try {
                endpoint = HttpEndpoint.start(httpAddress);
            } catch (RuntimeException e) {
                metrics.close();
                throw e;
            }
        }
        return new StageMonitor(stage, metrics, true, endpoint, maxLag, Clock.systemUTC());
    }

    /**
     * Monitors one of several stages in a process (the demo) on the process's shared registry, without an
     * endpoint of its own: the process registers {@link HealthRoutes} once, with the stages' readiness combined
     * by {@link Readiness#all}. Closing it leaves the registry open.
     */
    public static StageMonitor on(String stage, ProcessMetrics shared, long maxLag) {
        return new StageMonitor(stage, shared, false, null, maxLag, Clock.systemUTC());
    }

    /** The meters the stage's topology and handlers count into. */
    public StageMetrics meters() {
        return meters;
    }

    public ProcessMetrics metrics() {
        return metrics;
    }

    /** The HTTP endpoint, or null without an address. */
    public HttpEndpoint endpoint() {
        return endpoint;
    }

    /** {@code config} with this stage's meters for its exception handlers (dead letters by reason). */
    public Properties withMeters(Properties config) {
        config.put(io.newsflow.events.StageMeters.CONFIG, meters);
        return config;
    }

    /** Readiness, lag and Kafka Streams' own metrics from the stage's Streams client. */
    public void watch(StreamsService service) {
        StreamsProbe p = new StreamsProbe(meters.stage(), service.kafkaStreams(), maxLag, metrics.registry());
        this.probe = p;
        meters.lagFrom(p::lag);
        this.readiness = p::readiness;
    }

    /** A plain producer's own metrics ({@code kafka_producer_*}), tagged with the stage. */
    public void bind(Producer<?, ?> producer) {
        bind(new KafkaClientMetrics(producer, Tags.of("stage", meters.stage())));
    }

    /** A plain consumer's own metrics ({@code kafka_consumer_*}), tagged with the stage. */
    public void bind(Consumer<?, ?> consumer) {
        bind(new KafkaClientMetrics(consumer, Tags.of("stage", meters.stage())));
    }

    private void bind(KafkaClientMetrics binder) {
        binder.bindTo(metrics.registry());
        clients.add(binder);
    }

    /** For a stage without a Streams client (continuous ingest): ready from now on. */
    public void running() {
        String stage = meters.stage();
        this.readiness = () -> Readiness.running(stage);
    }

    public Readiness readiness() {
        return readiness.get();
    }

    @Override
    public void close() {
        progress.shutdownNow();
        if (endpoint != null) {
            endpoint.close();
        }
        clients.forEach(KafkaClientMetrics::close);
        StreamsProbe p = probe;
        if (p != null) {
            p.close();
        }
        if (ownsMetrics) {
            metrics.close();
        }
    }
}
