package io.newsflow.runtime;

import io.newsflow.events.Topics;
import io.newsflow.ingest.DirectoryWatcher;
import io.newsflow.ingest.IngestProgress;
import io.newsflow.ingest.Ingestor;
import io.newsflow.runtime.http.HttpEndpoint;
import io.newsflow.runtime.http.LiveEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The demo's live page (page at {@code /}, live events under {@code /api/events/}), up before the input is ingested
 * so the page sees every event arrive; with {@code --serve} it stays up, with the pipeline, until stopped.
 */
public final class DemoWeb implements AutoCloseable {
    /** The classpath folder of the page's files. */
    public static final String PAGE = "newsflow-web";

    /** How the demo serves: where, whether it stays up after the input, and what to watch for new files then. */
    public record Options(String http, boolean keepServing, Path watch, CountDownLatch stop) {
        /** Serve on {@code http} while the input runs, then return as the plain demo does. */
        public static Options during(String http) {
            return new Options(http, false, null, new CountDownLatch(0));
        }
    }

    private final HttpEndpoint endpoint;
    private final LiveEvents events;

    private DemoWeb(HttpEndpoint endpoint, LiveEvents events) {
        this.endpoint = endpoint;
        this.events = events;
    }

    /** Binds {@code http} and registers the page and the live events on it; a taken address is exit 3. */
    public static DemoWeb start(String http, Map<String, Object> client, Topics topics) {
        HttpEndpoint endpoint = HttpEndpoint.start(http);
        try {
            LiveEvents events = new LiveEvents(client, topics).register(endpoint);
            endpoint.staticFiles("/", PAGE);
            return new DemoWeb(endpoint, events);
        } catch (RuntimeException e) {
            endpoint.close();
            throw e;
        }
    }

    /** The endpoint, for the other stages' routes (trends). */
    public HttpEndpoint endpoint() {
        return endpoint;
    }

    public String url() {
        return endpoint.url("/");
    }

    /**
     * Keeps serving until {@code options.stop()} is released or {@code failure} reports a stage's error (returned);
     * meanwhile ingests files dropped into {@code options.watch()}, when set.
     */
    public Throwable serve(Options options, Map<String, Object> client, Topics topics, PrintStream console,
                           Supplier<Throwable> failure) throws InterruptedException {
        DirectoryWatcher watcher = null;
        Thread watching = null;
        KafkaProducer<String, byte[]> producer = null;
        try {
            if (options.watch() != null) {
                if (!Files.isDirectory(options.watch())) {
                    throw new StartupException("cannot watch " + options.watch() + ": not a directory", null);
                }
                producer = new KafkaProducer<>(Ingestor.producerConfig(client));
                try {
                    watcher = new DirectoryWatcher(options.watch(), new Ingestor(producer, topics),
                            new IngestProgress(console, false, Clock.systemUTC()), Clock.systemUTC());
                } catch (IOException e) {
                    throw new StartupException("cannot watch " + options.watch() + ": " + e.getMessage(), e);
                }
                DirectoryWatcher w = watcher;
                watching = new Thread(() -> w.run(Duration.ofMillis(500)), "newsflow-demo-watch");
                watching.setDaemon(true);
                watching.start();
            }
            console.println("newsflow demo: serving " + url() + " ; "
                    + (options.watch() != null ? "files dropped into " + options.watch() + " are ingested; " : "")
                    + "Ctrl-C stops");
            console.flush();
            while (!options.stop().await(1, TimeUnit.SECONDS)) {
                Throwable f = failure.get();
                if (f != null) {
                    return f;
                }
            }
            return null;
        } finally {
            if (watcher != null) {
                watcher.stop();
                watching.join(10_000);
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
            }
        }
    }

    @Override
    public void close() {
        events.close();
        endpoint.close();
    }
}
