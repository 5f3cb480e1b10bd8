package io.newsflow.app;

import io.newsflow.events.Topics;
import io.newsflow.sink.FileSink;
import io.newsflow.sink.RotationPolicy;
import io.newsflow.sink.SinkTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sink stage as one service: the label-routing Streams app and the file writer, started and stopped together. */
public final class SinkService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

    private final StreamsService router;
    private final FileSink files;
    private final Thread filesThread;
    private final AtomicReference<Throwable> filesFailure = new AtomicReference<>();

    public SinkService(Map<String, Object> clientConfig, Properties routerConfig, Topics topics, Path out) {
        this(clientConfig, routerConfig, topics, out, RotationPolicy.DEFAULTS);
    }

    public SinkService(Map<String, Object> clientConfig, Properties routerConfig, Topics topics, Path out,
                       RotationPolicy rotation) {
        this(clientConfig, routerConfig, topics, out, rotation, SinkTopology.Options.DEFAULTS);
    }

    public SinkService(Map<String, Object> clientConfig, Properties routerConfig, Topics topics, Path out,
                       RotationPolicy rotation, SinkTopology.Options routing) {
        this.router = new StreamsService("sink-router", SinkTopology.build(topics, routing), routerConfig);
        this.files = new FileSink(clientConfig, topics, out, rotation);
        this.filesThread = new Thread(() -> {
            try {
                files.run();
            } catch (RuntimeException e) {
                LOG.error("file sink stopped on an error", e);
                filesFailure.set(e);
            }
        }, "newsflow-sink-files");
    }

    public void start(Duration timeout) throws InterruptedException {
        filesThread.start();
        router.start(timeout);
    }

    public FileSink files() {
        return files;
    }

    /** Blocks until either half stops; returns the error that stopped it, or null after a clean close. */
    public Throwable awaitStop() throws InterruptedException {
        Thread routerWatch = new Thread(() -> {
            try {
                Throwable t = router.awaitStop();
                if (t != null) {
                    filesFailure.compareAndSet(null, t);
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            files.close();
        }, "newsflow-sink-watch");
        routerWatch.setDaemon(true);
        routerWatch.start();
        filesThread.join();
        return filesFailure.get();
    }

    public Throwable failure() {
        return filesFailure.get();
    }

    @Override
    public void close() throws InterruptedException {
        files.close();
        router.close();
        filesThread.join(30_000);
    }
}
