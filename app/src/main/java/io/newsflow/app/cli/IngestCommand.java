package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.config.Durations;
import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.NewsflowConfig;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.metrics.StageMonitor;
import io.newsflow.runtime.BrokerCheck;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.events.Topics;
import io.newsflow.ingest.DirectoryWatcher;
import io.newsflow.ingest.IngestProgress;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import io.newsflow.ingest.feed.FeedFetcher;
import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.feed.FeedPoller;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.PollSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Publishes articles to the raw topic: once from files, directories and JSONL archives ({@code PATH…},
 * {@code --archive}), or continuously from RSS/Atom feeds ({@code --feed}, {@code --feeds}) and a watched directory
 * ({@code --watch}) until SIGTERM/SIGINT. Exactly one source kind per run.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish articles to news.raw from files, directories (recursively) and JSONL archives "
                + "(exits 1 when nothing could be published, 4 when some inputs were rejected), or continuously from RSS/Atom feeds or a watched "
                + "directory until SIGTERM/SIGINT (or once, with --once).",
            "Exactly one of: PATH…, --feed/--feeds, --watch, --archive."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HttpOptions http;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = ".txt articles, .json/.jsonl archives, directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL", arity = "1..*",
            description = "RSS 2.0 or Atom feed URL(s) to poll (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--feeds", paramLabel = "FILE",
            description = "File of feed URLs, one a line ('#' comments and blank lines ignored).")
    Path feedsFile;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Publish files dropped into DIR; each then moves to DIR/done/ or DIR/error/ (+ NAME.reason).")
    Path watchDir;

    @Option(names = "--archive", paramLabel = "FILE.jsonl",
            description = "Backfill a JSON Lines archive, streamed, keeping each article's published_at.")
    Path archive;

    @Option(names = "--min-interval", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "Shortest poll interval of a feed (default ${DEFAULT-VALUE}; 30s, 5m, 1h or PT5M).")
    Duration minInterval;

    @Option(names = "--max-interval", paramLabel = "DURATION", defaultValue = "30m",
            converter = DurationConverter.class, description = "Longest poll interval of a feed (default ${DEFAULT-VALUE}).")
    Duration maxInterval;

    @Option(names = "--host-gap", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Politeness: least time between two requests to one host (default ${DEFAULT-VALUE}).")
    Duration hostGap;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "20s",
            converter = DurationConverter.class, description = "Whole-request HTTP timeout (default ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--fetch-pages",
            description = "Fetch an item's page when the feed gives no text for it (off by default).")
    boolean fetchPages;

    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = "data/feeds-state.json",
            description = "Feed state: validators, intervals, ids already published (default ${DEFAULT-VALUE}).")
    Path stateFile;

    @Option(names = "--scan-interval", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class, description = "How often --watch looks into DIR (default ${DEFAULT-VALUE}).")
    Duration scanInterval;

    @Option(names = "--startup-timeout", paramLabel = "S", defaultValue = "60",
            description = "Seconds to reach the broker and find the raw topic, else exit 3 (default ${DEFAULT-VALUE}).")
    long startupTimeout;

    @Option(names = "--once", description = "Poll each feed once, or scan the watched directory once, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        int modes = (paths.isEmpty() ? 0 : 1) + (feeds.isEmpty() && feedsFile == null ? 0 : 1)
                + (watchDir == null ? 0 : 1) + (archive == null ? 0 : 1);
        if (modes != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), modes == 0
                    ? "give PATH…, --feed URL, --feeds FILE, --watch DIR or --archive FILE"
                    : "give only one of PATH…, --feed/--feeds, --watch, --archive");
        }
        http.into(client.extraFlags);
        Settings settings = client.settings("ingest");
        ForcedSettings.apply(settings.kafka(), ForcedSettings.INGEST_PRODUCER);
        Topics topics = ClientOptions.topics(settings);
        if (!paths.isEmpty()) {
            checkBroker(settings, topics);
            IngestSummary summary = Ingestor.run(settings.kafka(), topics, paths, Clock.systemUTC());
            printSummary(summary);
            return summary.exitCode();
        }
        boolean terminal = System.console() != null;
        IngestProgress progress = new IngestProgress(System.out, terminal, Clock.systemUTC());
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsflow-ingest-progress");
            t.setDaemon(true);
            return t;
        });
        long every = IngestProgress.defaultEvery(terminal).toMillis();
        reporter.scheduleAtFixedRate(progress::report, every, every, TimeUnit.MILLISECONDS);
        try {
            if (archive != null) {
                return archive(settings, topics, progress);
            } else if (watchDir != null) {
                return watch(settings, topics, progress);
            }
            return feeds(settings, topics, progress);
        } finally {
            reporter.shutdownNow();
            progress.finish();
        }
    }

    private int archive(Settings settings, Topics topics, IngestProgress progress) {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--archive takes a .jsonl or .ndjson file");
        }
        if (!Files.isRegularFile(archive)) {
            throw new StartupException("no such archive file: " + archive, null);
        }
        checkBroker(settings, topics);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Ingestor.producerConfig(settings.kafka()))) {
            IngestSummary summary = new Ingestor(producer, topics).archive(archive, Clock.systemUTC(), progress);
            progress.finish();
            printSummary(summary);
            return summary.exitCode();
        }
    }

    private int watch(Settings settings, Topics topics, IngestProgress progress) throws IOException {
        if (!Files.isDirectory(watchDir)) {
            throw new StartupException("cannot watch " + watchDir + ": not a directory", null);
        }
        checkBroker(settings, topics);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Ingestor.producerConfig(settings.kafka()))) {
            DirectoryWatcher watcher;
            try {
                watcher = new DirectoryWatcher(watchDir, new Ingestor(producer, topics), progress, Clock.systemUTC());
            } catch (IOException e) {
                throw new StartupException("cannot watch " + watchDir + ": " + e.getMessage(), e);
            }
            if (once) {
                DirectoryWatcher.ScanResult r = watcher.scanOnce();
                progress.message("ingest --watch: done " + r.done().size() + ", error " + r.error().size()
                        + ", retry " + r.retry().size());
                return !r.retry().isEmpty() ? Exit.FAILED : r.error().isEmpty() ? Exit.OK
                        : Exit.SOME_REJECTED;
            }
            try (StageMonitor monitor = monitor(settings, progress, producer)) {
                return Lifecycle.run("ingest", "newsflow ingest watching " + watchDir + "; SIGTERM or Ctrl-C stops it",
                        loop(() -> watcher.run(scanInterval), watcher::stop), Duration.ZERO, null);
            }
        }
    }

    private int feeds(Settings settings, Topics topics, IngestProgress progress) {
        List<String> urls = feedUrls();
        PollSchedule schedule;
        try {
            schedule = new PollSchedule(minInterval, maxInterval, hostGap);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FeedState state;
        try {
            state = FeedState.load(stateFile);
        } catch (IOException e) {
            throw new StartupException(e.getMessage(), e);
        }
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(10).compareTo(requestTimeout) < 0
                ? Duration.ofSeconds(10) : requestTimeout, requestTimeout);
        FeedParser parser = new FeedParser(fetchPages ? fetcher::page : null);
        checkBroker(settings, topics);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Ingestor.producerConfig(settings.kafka()))) {
            FeedPoller poller = new FeedPoller(fetcher, parser, state, schedule, new Ingestor(producer, topics),
                    progress, Clock.systemUTC());
            if (once) {
                List<FeedPoller.PollResult> results = poller.pollAllOnce(urls);
                boolean failed = false;
                for (FeedPoller.PollResult r : results) {
                    progress.message("feed " + r.url() + ": " + r.status().name().toLowerCase(Locale.ROOT).replace('_',
                            ' ') + ", published " + r.published() + ", duplicates " + r.duplicates() + ", errors "
                            + r.errors().size());
                    failed |= r.status() == FeedPoller.Status.FAILED;
                }
                progress.message(progress.line());
                return failed ? Exit.FAILED : Exit.OK;
            }
            // A feed state that cannot be saved (UncheckedIOException) ends the run as a failure, exit 1.
            try (StageMonitor monitor = monitor(settings, progress, producer)) {
                return Lifecycle.run("ingest", "newsflow ingest polling " + urls.size()
                        + " feed(s); SIGTERM or Ctrl-C stops it", loop(() -> poller.run(urls), poller::stop),
                        Duration.ZERO, null);
            }
        }
    }

    /**
     * Continuous ingest's meters, progress line and HTTP routes (with --http): counts from {@code progress}, ready
     * once the broker has been found (it was, before this is called).
     */
    private static StageMonitor monitor(Settings settings, IngestProgress progress,
                                        KafkaProducer<String, byte[]> producer) {
        StageMonitor monitor = StageMonitor.start("ingest", settings.get(NewsflowConfig.HTTP),
                settings.getInt(NewsflowConfig.READY_MAX_LAG));
        monitor.meters().countedBy(() -> progress.published() + progress.duplicates() + progress.errors(),
                progress::published, progress::errors);
        monitor.bind(producer);
        monitor.running();
        return monitor;
    }

    /** --feed URLs, then the --feeds file's; each must be an absolute http(s) URL. */
    List<String> feedUrls() {
        List<String> urls = new ArrayList<>(feeds);
        if (feedsFile != null) {
            try {
                for (String line : Files.readAllLines(feedsFile, StandardCharsets.UTF_8)) {
                    String s = line.strip();
                    if (!s.isEmpty() && !s.startsWith("#")) {
                        urls.add(s);
                    }
                }
            } catch (IOException e) {
                throw new StartupException("cannot read feeds file " + feedsFile + ": " + e.getMessage(), e);
            }
        }
        for (String url : urls) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a URL: " + url);
            }
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an http(s) feed URL: " + url);
            }
        }
        if (urls.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no feed URLs in " + feedsFile);
        }
        return urls.stream().distinct().toList();
    }

    /**
     * A continuous mode as a {@link Lifecycle.Stage}: SIGTERM/SIGINT stops the loop, and the lifecycle waits until
     * the current poll or file is finished and its state saved, so a stop never loses acknowledged work.
     */
    private static Lifecycle.Stage loop(Runnable body, Runnable stop) {
        return new Lifecycle.Stage() {
            @Override
            public Throwable run() {
                body.run();
                return null;
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }

    /**
     * After the options are known to be good (a usage error never waits for a broker), and before the producer:
     * without it each send would block for max.block.ms, with a client warning per connection attempt.
     */
    private void checkBroker(Settings settings, Topics topics) {
        try {
            BrokerCheck.require(settings.kafka(), List.of(topics.raw()), Duration.ofSeconds(startupTimeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while checking the broker", e);
        }
    }

    /** Through the command's writer, so whoever runs the command (a test, an embedding tool) sees every rejection. */
    private void printSummary(IngestSummary summary) {
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.print(summary.render());
        out.flush();
    }

    /** The shared duration forms ({@link Durations}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value, "the value");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
