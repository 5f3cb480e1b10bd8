package io.newsflow.runtime;

import io.newsflow.events.StageMeters;
import io.newsflow.events.Topics;
import io.newsflow.sink.FileSink;
import io.newsflow.sink.OutputOwner;
import io.newsflow.sink.RotationPolicy;
import io.newsflow.sink.SinkTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sink stage as one service: the label-routing Streams app and the file writer, started and stopped together. */
public final class SinkService implements Lifecycle.Service {
    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

    private final StreamsService router;
    private final FileSink files;
    private final Thread filesThread;
    private final Path out;
    private final Map<String, Object> clientConfig;
    private final Topics topics;
    private String writer = "sink";
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
        this(clientConfig, routerConfig, topics, out, rotation, routing, StageMeters.NONE);
    }

    /** With {@code meters}: both halves count into them (events routed, files and bytes written, dead letters). */
    public SinkService(Map<String, Object> clientConfig, Properties routerConfig, Topics topics, Path out,
                       RotationPolicy rotation, SinkTopology.Options routing, StageMeters meters) {
        if (meters != StageMeters.NONE) {
            routerConfig.put(StageMeters.CONFIG, meters);
        }
        this.router = new StreamsService("sink-router", SinkTopology.build(topics, routing, meters), routerConfig);
        this.out = out;
        this.clientConfig = clientConfig;
        this.topics = topics;
        this.files = new FileSink(clientConfig, topics, out, rotation).meters(meters);
        this.filesThread = new Thread(() -> {
            try {
                files.run();
            } catch (RuntimeException e) {
                LOG.error("file sink stopped on an error", e);
                filesFailure.set(e);
            }
        }, "newsflow-sink-files");
    }

    /**
     * Creates {@code out} if needed and proves a file can be written there, so an unwritable directory stops the
     * sink at start (exit 3, one line with the path and the cause) rather than in the file thread later.
     */
    public static void checkWritable(Path out) {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".newsflow-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String cause = e instanceof java.nio.file.AccessDeniedException a ? a.getFile() + ": permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException f ? f.getFile() + " exists and is not a directory"
                    : e instanceof java.nio.file.NoSuchFileException n ? n.getFile() + " cannot be created"
                    : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                    ? fse.getFile() + ": " + fse.getReason()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new StartupException("cannot write output directory " + out + ": " + cause, null);
        }
    }

    /** Who this sink writes as, recorded in the output directory ({@code sink}, {@code demo}, {@code replay}). */
    public SinkService writer(String name) {
        this.writer = name;
        return this;
    }

    /**
     * Records in {@code out} which cluster and topic its files come from, and refuses (exit 3, naming both) a
     * directory that another cluster or topic wrote: the file names would clash and replace that run's files.
     */
    public static void claimOutput(Map<String, Object> clientConfig, Topics topics, Path out, String writer) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.putIfAbsent(org.apache.kafka.clients.admin.AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        OutputOwner me;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            String clusterId = admin.describeCluster().clusterId().get();
            var topic = admin.describeTopics(java.util.List.of(topics.enriched())).allTopicNames().get()
                    .get(topics.enriched());
            me = new OutputOwner(clusterId, topics.enriched(), topic.topicId().toString(), writer);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StartupException("cannot identify the cluster and topic " + topics.enriched()
                    + " for " + out + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while identifying the cluster", e);
        }
        try {
            OutputOwner.claim(out, me);
        } catch (OutputOwner.ForeignDirectoryException e) {
            throw new StartupException(e.getMessage(), null);
        }
    }

    public void start(Duration timeout) throws InterruptedException {
        checkWritable(out);
        claimOutput(clientConfig, topics, out, writer);
        filesThread.start();
        router.start(timeout);
    }

    /** The routing half's Streams service (its state and lag are the sink's readiness). */
    public StreamsService router() {
        return router;
    }

    public FileSink files() {
        return files;
    }

    /** Blocks until either half stops; returns the error that stopped it, or null after a clean close. */
    @Override
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
