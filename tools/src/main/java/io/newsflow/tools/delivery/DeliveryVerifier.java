package io.newsflow.tools.delivery;

import io.newsflow.runtime.EmbeddedBroker;
import io.newsflow.runtime.PipelineObserver;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.events.Topics;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Proves delivery under faults: a broker and the enrich and sink stages as separate JVMs, N generated articles
 * ingested while the stages are killed with SIGKILL and restarted and the broker is restarted on its data
 * directory; then, once everything has drained, every output is counted: each id exactly once in
 * {@code news.enriched} (read_committed), in each label topic it belongs to, and in the files.
 */
public final class DeliveryVerifier {
    /**
     * The outcome; {@code lost} and {@code duplicated} add up every output. With several instances of each stage,
     * {@code takeovers} says, for each kill, that the survivors did the killed instance's work.
     */
    public record Report(int articles, int kills, int brokerRestarts, long lost, long duplicated, double seconds,
                  List<String> problems, int instances, List<Takeover> takeovers) {
        /** One instance of each stage, killed and restarted: no takeovers. */
        public Report(int articles, int kills, int brokerRestarts, long lost, long duplicated, double seconds,
                      List<String> problems) {
            this(articles, kills, brokerRestarts, lost, duplicated, seconds, problems, 1, List.of());
        }

        /** Nothing lost, nothing twice, and every takeover proven. */
        public boolean ok() {
            return lost == 0 && duplicated == 0 && takeovers.stream().allMatch(Takeover::proven);
        }

        public String render() {
            StringBuilder sb = new StringBuilder();
            if (instances > 1) {
                sb.append("instances ").append(instances).append(" of each stage, ");
            }
            sb.append(String.format("articles %d, kills %d, broker restarts %d, lost %d, duplicated %d, seconds %.1f%n",
                    articles, kills, brokerRestarts, lost, duplicated, seconds));
            takeovers.forEach(t -> sb.append("  takeover: ").append(t.render()).append('\n'));
            problems.forEach(p -> sb.append("  ").append(p).append('\n'));
            return sb.toString();
        }
    }

    private DeliveryVerifier() {
    }

    /** {@code n} articles through separate stage JVMs, {@code kills} SIGKILLs and {@code restarts} broker restarts. */
    public static Report run(int n, int kills, int restarts, long seed, Path work, Duration timeout, PrintStream console)
            throws Exception {
        return run(n, kills, restarts, seed, work, timeout, console, EmbeddedBroker.DEFAULT_TRANSACTION_VERSION);
    }

    /**
     * As above with {@code instances} JVMs of enrich and of sink (1: each killed one is restarted at once; 2 or more:
     * a killed one stays down while the others take its partitions over, see {@link InstancesRun}).
     */
    public static Report run(int n, int kills, int restarts, long seed, Path work, Duration timeout, PrintStream console,
                      int transactionVersion, int instances) throws Exception {
        if (instances == 1) {
            return run(n, kills, restarts, seed, work, timeout, console, transactionVersion);
        }
        return InstancesRun.run(n, kills, restarts, instances, seed, work, timeout, console, transactionVersion);
    }

    /** As above, with the broker formatted for {@code transactionVersion} (1 or 2). */
    public static Report run(int n, int kills, int restarts, long seed, Path work, Duration timeout, PrintStream console,
                      int transactionVersion) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path out = work.resolve("out");
        int port = EmbeddedBroker.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Topics topics = Topics.DEFAULTS;

        ChildProcess broker = new ChildProcess("broker", logs, null,
                List.of("broker", "--port", String.valueOf(port), "--data-dir", work.resolve("broker").toString(),
                        "--transaction-version", String.valueOf(transactionVersion)));
        ChildProcess enrich = new ChildProcess("enrich", logs, work.resolve("enrich.ready"), List.of("enrich",
                "--bootstrap-server", bootstrap, "--config", props(work, "enrich").toString(),
                "--ready-file", work.resolve("enrich.ready").toString()));
        ChildProcess sink = new ChildProcess("sink", logs, work.resolve("sink.ready"), List.of("sink",
                "--bootstrap-server", bootstrap, "--config", props(work, "sink").toString(), "--out", out.toString(),
                "--max-wait", "PT0.5S", "--ready-file", work.resolve("sink.ready").toString()));
        List<ChildProcess> all = List.of(sink, enrich, broker);
        try {
            startBroker(broker);
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", bootstrap,
                    "delivery.timeout.ms", 300_000, "request.timeout.ms", 10_000));
            List<String> labels = Topics.DEFAULT_LABELS;
            TopicAdmin.create(client, topics, labels, Optional.of(3), Optional.of((short) 1));
            for (ChildProcess stage : List.of(enrich, sink)) {
                stage.start();
                stage.awaitReady(Duration.ofSeconds(120), null);
            }
            console.printf("broker, enrich and sink up after %.1f s; ingesting %d articles%n", seconds(t0), n);

            Path articles = work.resolve("articles.jsonl");
            SyntheticArticles.write(articles, n, seed);
            AtomicReference<IngestSummary> ingest = new AtomicReference<>();
            AtomicReference<Throwable> ingestError = new AtomicReference<>();
            Thread ingester = new Thread(() -> {
                try {
                    ingest.set(Ingestor.run(client, topics, List.of(articles), Clock.systemUTC()));
                } catch (RuntimeException e) {
                    ingestError.set(e);
                }
            }, "verify-ingest");
            ingester.start();

            // The faults, in random order at random moments while articles flow.
            List<String> faults = new ArrayList<>();
            for (int i = 0; i < kills; i++) {
                faults.add(random.nextBoolean() ? "enrich" : "sink");
            }
            for (int i = 0; i < restarts; i++) {
                faults.add("broker");
            }
            Collections.shuffle(faults, random);
            for (String fault : faults) {
                Thread.sleep(500 + random.nextInt(2500)); // chaos timing, not a wait for a condition
                // How far the pipeline had got: a fault after the last article was written would prove little.
                int written = idCountsInFiles(out.resolve("enriched")).size();
                long tf = System.nanoTime();
                if (fault.equals("broker")) {
                    broker.stop(Duration.ofSeconds(60));
                    startBroker(broker);
                } else {
                    ChildProcess stage = fault.equals("enrich") ? enrich : sink;
                    stage.kill();
                    stage.start();
                    stage.awaitReady(Duration.ofSeconds(180), null);
                }
                console.printf("%s %s with %d of %d articles in the files, back after %.1f s%n", fault,
                        fault.equals("broker") ? "restarted" : "killed (SIGKILL)", written, n, seconds(tf));
            }
            ingester.join();
            if (ingestError.get() != null) {
                throw new IllegalStateException("ingest failed: " + ingestError.get().getMessage(), ingestError.get());
            }
            if (ingest.get().published() != n) {
                throw new IllegalStateException("ingest published " + ingest.get().published() + " of " + n + ": "
                        + ingest.get().render());
            }
            Set<String> ids = new TreeSet<>(ingest.get().publishedIds());
            console.printf("ingested %d after %.1f s; waiting for the pipeline to drain%n", n, seconds(t0));
            return check(client, topics, labels, ids, out, kills, restarts, timeout, t0);
        } finally {
            for (ChildProcess p : all) {
                p.stop(Duration.ofSeconds(60));
            }
        }
    }

    static Report check(Map<String, Object> client, Topics topics, List<String> labels, Set<String> ids,
                                Path out, int kills, int restarts, Duration timeout, long t0) throws IOException {
        List<String> problems = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        try (PipelineObserver observer = new PipelineObserver(client, topics, labels)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, Integer> fileCounts = Map.of();
            while (System.nanoTime() < deadline) {
                observer.poll(Duration.ofMillis(500));
                if (observer.complete(ids.size()) && observer.enriched().keySet().equals(ids)) {
                    fileCounts = idCountsInFiles(out.resolve("enriched"));
                    if (fileCounts.keySet().equals(ids)) {
                        break;
                    }
                }
            }
            fileCounts = idCountsInFiles(out.resolve("enriched"));
            // news.enriched
            Set<String> missing = new TreeSet<>(ids);
            missing.removeAll(observer.enriched().keySet());
            lost += missing.size();
            if (!missing.isEmpty()) {
                problems.add("news.enriched lacks " + missing.size() + " ids, e.g. " + first(missing));
            }
            int dupRecords = observer.duplicates().values().stream().mapToInt(Integer::intValue).sum();
            duplicated += dupRecords;
            if (dupRecords > 0) {
                problems.add("duplicate records in topics: " + first(observer.duplicates().keySet()));
            }
            // label topics
            Map<String, Set<String>> expected = observer.expectedLabelTopicIds();
            for (String label : labels) {
                Set<String> want = expected.getOrDefault(label, Set.of());
                Set<String> got = observer.labelTopicIds().getOrDefault(label, Set.of());
                Set<String> lacking = new TreeSet<>(want);
                lacking.removeAll(got);
                Set<String> extra = new TreeSet<>(got);
                extra.removeAll(want);
                lost += lacking.size();
                duplicated += extra.size();
                if (!lacking.isEmpty() || !extra.isEmpty()) {
                    problems.add(topics.labelTopic(label) + ": " + lacking.size() + " missing, " + extra.size()
                            + " that do not belong");
                }
            }
            // files
            Set<String> notInFiles = new TreeSet<>(ids);
            notInFiles.removeAll(fileCounts.keySet());
            lost += notInFiles.size();
            long fileDups = fileCounts.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
            duplicated += fileDups;
            if (!notInFiles.isEmpty() || fileDups > 0) {
                problems.add("files: " + notInFiles.size() + " ids missing, " + fileDups + " duplicate lines");
            }
        }
        return new Report(ids.size(), kills, restarts, lost, duplicated, seconds(t0), problems);
    }

    static Map<String, Integer> idCountsInFiles(Path dir) throws IOException {
        // The sink may be renaming a temporary file while we walk: a vanished file means walk again.
        for (int attempt = 1; ; attempt++) {
            try {
                return idCountsOnce(dir);
            } catch (java.nio.file.NoSuchFileException | UncheckedIOException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, Integer> idCountsOnce(Path dir) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        if (!Files.exists(dir)) {
            return counts;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList();
        }
        for (Path p : files) {
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                counts.merge(Topics.ENRICHED_SERDE.fromBytes(line.getBytes(StandardCharsets.UTF_8)).id(), 1,
                        Integer::sum);
            }
        }
        return counts;
    }

    static void startBroker(ChildProcess broker) throws InterruptedException {
        broker.start();
        broker.awaitReady(Duration.ofSeconds(120), "broker ready on");
    }

    /** Per-stage client settings: its own state directory, and static membership so a restart rejoins at once. */
    private static Path props(Path work, String stage) {
        Path file = work.resolve(stage + ".properties");
        try {
            Files.writeString(file, String.join("\n",
                    "state.dir=" + work.resolve("state-" + stage),
                    "group.instance.id=verify-" + stage,
                    "session.timeout.ms=10000",
                    "request.timeout.ms=10000") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String first(Set<String> values) {
        return values.stream().limit(3).toList().toString();
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
