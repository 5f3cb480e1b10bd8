package io.newsflow.tools.bench;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Ingestor;
import io.newsflow.runtime.EmbeddedBroker;
import io.newsflow.runtime.PipelineObserver;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.sink.SinkTopology;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;

/**
 * The pipeline with each stage in its own JVM ({@code newsflow broker}, N x {@code enrich}, N x {@code sink}; ingest
 * in the bench's JVM), so CPU and peak RSS are per process, from /proc. Rounds alternate one instance of each stage
 * with N instances, each round on fresh topics and application ids, so both are measured under the same load.
 */
public final class ProcessPipelineBench {
    /** The heap limit of each enrich JVM: issue 14's target is enrich within 512 MB of heap. */
    public static final String ENRICH_HEAP = "-Xmx512m";

    /**
     * @param articles         articles per round
     * @param bootstrapServers an existing cluster, or null for a {@code newsflow broker} child
     * @param out              where the logs, the report and (during the run) the children's files go
     * @param instances        enrich and sink instances of the scaled rounds (1: every round has one of each)
     * @param threads          stream threads of each enrich and sink instance
     * @param rounds           rounds of each layout (1 x threads, then instances x threads, alternating)
     * @param warmupArticles   articles sent through each round's fresh JVMs before the measured ones
     * @param sinkJvm          JVM options of each sink child (its heap limit)
     */
    public record Options(int articles, String bootstrapServers, Path out, double coreWarmup, double coreSeconds,
                          int instances, int threads, int rounds, int warmupArticles, List<String> sinkJvm,
                          Duration timeout) {
        public Options {
            if (articles < 1 || instances < 1 || threads < 1 || rounds < 1 || warmupArticles < 0) {
                throw new IllegalArgumentException("--articles, --instances, --threads and --rounds must be >= 1, "
                        + "--warmup-articles >= 0");
            }
            sinkJvm = List.copyOf(sinkJvm);
        }

        /** Partitions of every topic: enough for the largest layout's stream threads, at least 2. */
        int partitions() {
            return Math.max(2, instances * threads);
        }
    }

    /** One round: {@code instances} of each stage, all N articles committed in the topics and the files. */
    public record Round(int index, int instances, int threads, double seconds, double articlesPerSecond,
                        Map<String, Double> cpuMsPerArticle, Map<String, Long> peakRssKb, GcLog enrichHeap,
                        GcLog sinkHeap, boolean enrichOutOfMemory) {
        public String layout() {
            return instances + "x" + threads;
        }

        double totalCpu() {
            return cpuMsPerArticle.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public record Result(int articles, int warmupArticles, int distinctTexts, int partitions,
                         double coreArticlesPerSecond,
                         double coreCpuMsPerArticle, List<Round> rounds, String broker, List<String> sinkJvm,
                         String loadBefore, String loadAfter, int processors) {
        /** The report: one figure a line, name first, so a reader (or a test) finds each one. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("== newsflow bench pipeline (stages as processes) ==\n");
            line(sb, "machine", processors + " processors; load average before " + loadBefore + ", after "
                    + loadAfter);
            line(sb, "layout", "a JVM per stage instance: " + broker + ", enrich (" + ENRICH_HEAP + "), sink ("
                    + (sinkJvm.isEmpty() ? "JVM default heap" : String.join(" ", sinkJvm)) + "); ingest and the "
                    + "observers in the bench JVM; " + partitions + " partitions a topic, fresh topics and "
                    + "application ids each round");
            line(sb, "articles", articles + " measured a round, after " + warmupArticles + " to warm the round's "
                    + "fresh JVMs up (" + distinctTexts + " distinct texts, each sent with its own id)");
            line(sb, "enrich core", f("%.1f articles/s (one thread, no Kafka, same articles; %.2f CPU ms an "
                    + "article)", coreArticlesPerSecond, coreCpuMsPerArticle));
            for (Round r : rounds) {
                line(sb, "round " + r.index(), f("%s (instances x threads): %.1f articles/s end to end (%.2f s); "
                        + "cpu ms/article %s; peak rss %s", r.layout(), r.articlesPerSecond(), r.seconds(),
                        cpu(r.cpuMsPerArticle(), r.totalCpu()), rss(r.peakRssKb())));
            }
            Map<String, List<Round>> byLayout = new LinkedHashMap<>();
            rounds.forEach(r -> byLayout.computeIfAbsent(r.layout(), k -> new ArrayList<>()).add(r));
            Map<String, Double> rate = new LinkedHashMap<>();
            byLayout.forEach((layout, rs) -> {
                double mean = rs.stream().mapToDouble(Round::articlesPerSecond).average().orElse(0);
                rate.put(layout, mean);
                line(sb, "end to end " + layout, f("%.1f articles/s (mean of %d round%s)", mean, rs.size(),
                        rs.size() == 1 ? "" : "s"));
                Map<String, Double> meanCpu = new LinkedHashMap<>();
                rs.forEach(r -> r.cpuMsPerArticle().forEach((k, v) -> meanCpu.merge(k, v / rs.size(),
                        Double::sum)));
                line(sb, "cpu ms/article " + layout, cpu(meanCpu, meanCpu.values().stream()
                        .mapToDouble(Double::doubleValue).sum()) + " (mean; each stage summed over its instances)");
                Map<String, Long> maxRss = new LinkedHashMap<>();
                rs.forEach(r -> r.peakRssKb().forEach((k, v) -> maxRss.merge(k, v, Math::max)));
                line(sb, "peak rss " + layout, rss(maxRss) + " (VmHWM; largest instance of each stage)");
            });
            GcLog enrich = maxHeap(rounds.stream().map(Round::enrichHeap).toList());
            boolean oom = rounds.stream().anyMatch(Round::enrichOutOfMemory);
            line(sb, "enrich heap", f("limit %s; at most %.0f MB used at a collection, %.0f MB committed (GC log, "
                    + "%d collections); %s", ENRICH_HEAP, enrich.maxUsedKb() / 1024.0,
                    enrich.maxCommittedKb() / 1024.0, enrich.collections(), oom ? "NOT HELD: OutOfMemoryError"
                    : "held (no OutOfMemoryError, every round complete)"));
            GcLog sink = maxHeap(rounds.stream().map(Round::sinkHeap).toList());
            line(sb, "sink heap", f("%s; at most %.0f MB used at a collection, %.0f MB committed (GC log, %d "
                    + "collections)", sinkJvm.isEmpty() ? "JVM default limit" : String.join(" ", sinkJvm),
                    sink.maxUsedKb() / 1024.0, sink.maxCommittedKb() / 1024.0, sink.collections()));
            if (rate.size() == 2) {
                List<String> layouts = new ArrayList<>(rate.keySet());
                double ratio = rate.get(layouts.get(1)) / rate.get(layouts.get(0));
                line(sb, "instances", f("%s / %s = %.2f x end to end (issue target >= 1.7)", layouts.get(1),
                        layouts.get(0), ratio));
            }
            return sb.toString();
        }

        private static GcLog maxHeap(List<GcLog> logs) {
            return new GcLog(logs.stream().mapToInt(GcLog::collections).sum(),
                    logs.stream().mapToLong(GcLog::maxUsedKb).max().orElse(0),
                    logs.stream().mapToLong(GcLog::maxCommittedKb).max().orElse(0));
        }

        private static String cpu(Map<String, Double> ms, double total) {
            StringBuilder sb = new StringBuilder();
            ms.forEach((k, v) -> sb.append(k).append(f(" %.2f, ", v)));
            return sb.append(f("total %.2f", total)).toString();
        }

        private static String rss(Map<String, Long> kb) {
            StringBuilder sb = new StringBuilder();
            kb.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(f(" %.0f MB", v / 1024.0)));
            return sb.toString();
        }

        private static void line(StringBuilder sb, String name, String value) {
            sb.append(String.format(Locale.ROOT, "%-22s %s%n", name + ":", value));
        }
    }

    private ProcessPipelineBench() {
    }

    /** Runs the rounds over the options' articles cycled from {@code texts}; progress goes to {@code console}. */
    public static Result run(List<Article> texts, Options o, PrintStream console) throws Exception {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("need at least one article");
        }
        String loadBefore = PipelineBench.load();
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        double[] core = PipelineBench.coreRate(enricher, PipelineBench.copies(texts, Math.min(o.articles(),
                texts.size()), "core"), o.coreWarmup(), o.coreSeconds());
        console.printf(Locale.ROOT, "enrich core: %.1f articles/s%n", core[0]);
        Path work = PipelineBench.tempDir(o.out());
        Path logs = o.out().resolve("logs");
        String run = Long.toString(System.currentTimeMillis(), 36);
        StageJvm broker = null;
        try {
            String bootstrap = o.bootstrapServers();
            if (bootstrap == null) {
                int port = EmbeddedBroker.freePort();
                broker = StageJvm.start("broker", logs, List.of(), List.of("broker", "--port",
                        String.valueOf(port), "--data-dir", work.resolve("broker").toString()));
                broker.awaitReady(null, "broker ready on", Duration.ofSeconds(120));
                bootstrap = "127.0.0.1:" + port;
            }
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
            List<int[]> layouts = new ArrayList<>();
            for (int i = 0; i < o.rounds(); i++) {
                layouts.add(new int[]{1, o.threads()});
                if (o.instances() > 1) {
                    layouts.add(new int[]{o.instances(), o.threads()});
                }
            }
            List<Round> rounds = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Ingestor.producerConfig(client));
                 Admin admin = Admin.create(adminConfig(client))) {
                for (int[] layout : layouts) {
                    int index = rounds.size() + 1;
                    List<Article> articles = PipelineBench.copies(texts, o.articles(), "bench-" + run + "-" + index);
                    List<Article> warmup = PipelineBench.copies(texts, o.warmupArticles(), "warm-" + run + "-"
                            + index);
                    rounds.add(round(index, layout[0], layout[1], warmup, articles, o, run, bootstrap, client, producer,
                            admin, enricher.labels(), broker, work, logs, console));
                }
            }
            return new Result(o.articles(), o.warmupArticles(), Math.min(texts.size(), o.articles()), o.partitions(),
                    core[0], core[1], rounds,
                    broker != null ? "broker (newsflow broker)" : "external broker " + bootstrap
                            + " (its CPU and RSS not measured)", o.sinkJvm(), loadBefore, PipelineBench.load(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            if (broker != null) {
                broker.stop(Duration.ofSeconds(60));
            }
            PipelineBench.deleteTree(work);
        }
    }

    private static Round round(int index, int instances, int threads, List<Article> warmup, List<Article> articles,
                               Options o, String run,
                               String bootstrap, Map<String, Object> client, KafkaProducer<String, byte[]> producer,
                               Admin admin, List<String> labels, StageJvm broker, Path work, Path logs,
                               PrintStream console) throws Exception {
        String name = "round-" + index;
        Path dir = Files.createDirectories(work.resolve(name));
        String p = "bench-" + run + "-r" + index + ".";
        Topics topics = new Topics(p + "raw", p + "enriched", p + "topic.", p + "dlq", p + "mentions", p + "country.");
        TopicAdmin.create(client, topics, labels, List.of(), Optional.of(o.partitions()), Optional.of((short) 1));
        String enrichId = EnrichTopology.DEFAULT_APPLICATION_ID + "-" + p + "app";
        String routerId = SinkTopology.DEFAULT_APPLICATION_ID + "-" + p + "app";
        String filesGroup = "newsflow-sink-files-" + p + "group";
        Path config = dir.resolve("stages.properties");
        Files.writeString(config, String.join("\n",
                Topics.RAW_KEY + "=" + topics.raw(), Topics.ENRICHED_KEY + "=" + topics.enriched(),
                Topics.LABEL_PREFIX_KEY + "=" + topics.labelPrefix(), Topics.DLQ_KEY + "=" + topics.dlq(),
                Topics.MENTIONS_KEY + "=" + topics.mentions(), Topics.COUNTRY_PREFIX_KEY + "=" + topics.countryPrefix(),
                "enrich.application.id=" + enrichId, "sink.application.id=" + routerId,
                "sink.group.id=" + filesGroup) + "\n");
        List<StageJvm> enrich = new ArrayList<>();
        List<StageJvm> sink = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> gcEnrich = new ArrayList<>();
        List<Path> gcSink = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Path gc = logs.resolve(name + "-enrich-" + i + "-gc.log");
                gcEnrich.add(gc);
                enrich.add(StageJvm.start(name + "-enrich-" + i, logs, List.of(ENRICH_HEAP, "-Xlog:gc:file=" + gc),
                        List.of("enrich", "--bootstrap-server", bootstrap, "--config", config.toString(),
                                "--threads", String.valueOf(threads), "--state-dir",
                                dir.resolve("state-enrich-" + i).toString(),
                                "--ready-file", dir.resolve("enrich-" + i + ".ready").toString())));
                Path gcs = logs.resolve(name + "-sink-" + i + "-gc.log");
                gcSink.add(gcs);
                // Each sink instance its own directory: instance-<i>, as verify-delivery does.
                Path out = dir.resolve("out").resolve("instance-" + i);
                outs.add(out);
                List<String> jvm = new ArrayList<>(o.sinkJvm());
                jvm.add("-Xlog:gc:file=" + gcs);
                sink.add(StageJvm.start(name + "-sink-" + i, logs, jvm, List.of("sink", "--bootstrap-server",
                        bootstrap, "--config", config.toString(), "--out", out.toString(), "--max-wait", "200ms",
                        "--threads", String.valueOf(threads), "--state-dir", dir.resolve("state-sink-" + i).toString(),
                        "--ready-file", dir.resolve("sink-" + i + ".ready").toString())));
            }
            for (int i = 0; i < instances; i++) {
                enrich.get(i).awaitReady(dir.resolve("enrich-" + i + ".ready"), null, Duration.ofSeconds(180));
                sink.get(i).awaitReady(dir.resolve("sink-" + i + ".ready"), null, Duration.ofSeconds(180));
            }
            // Every stream thread and file consumer holds partitions before the clock starts.
            awaitGroups(admin, Map.of(enrichId, instances * threads, routerId, instances * threads, filesGroup,
                    instances), Duration.ofSeconds(180));
            console.printf("%s: %d x %d (instances x threads) running; sending %d articles%n", name, instances,
                    threads, articles.size());

            List<StageJvm> all = new ArrayList<>(enrich);
            all.addAll(sink);
            try (PipelineObserver observer = new PipelineObserver(client, topics, labels)) {
                Ingestor ingestor = new Ingestor(producer, topics);
                LineCounter files = new LineCounter(outs.stream().map(d -> d.resolve("enriched")).toList());
                long deadline = System.nanoTime() + o.timeout().toNanos();
                if (!warmup.isEmpty()) {
                    // Each JVM compiles the same code: without this, N instances pay N warm-ups in the figures.
                    pump(name + " warm-up", ingestor, warmup, warmup.size(), observer, files, all, deadline, logs);
                }
                Map<String, Long> cpu0 = cpu(broker, enrich, sink);
                long t0 = System.nanoTime();
                pump(name, ingestor, articles, warmup.size() + articles.size(), observer, files, all,
                        System.nanoTime() + o.timeout().toNanos(), logs);
                long t1 = System.nanoTime();
                Map<String, Long> cpu1 = cpu(broker, enrich, sink);
                Map<String, Double> ms = new LinkedHashMap<>();
                cpu1.forEach((k, v) -> ms.put(k, (v - cpu0.get(k)) / 1e6 / articles.size()));
                Map<String, Long> rss = new LinkedHashMap<>();
                if (broker != null) {
                    rss.put("broker", broker.peakRssKb());
                }
                rss.put("enrich", enrich.stream().mapToLong(StageJvm::peakRssKb).max().orElse(0));
                rss.put("sink", sink.stream().mapToLong(StageJvm::peakRssKb).max().orElse(0));
                double seconds = (t1 - t0) / 1e9;
                console.printf(Locale.ROOT, "%s: %.1f articles/s end to end%n", name, articles.size() / seconds);
                stopAll(all);
                boolean oom = false;
                for (StageJvm e : enrich) {
                    oom |= Files.readString(e.log()).contains("OutOfMemoryError");
                }
                return new Round(index, instances, threads, seconds, articles.size() / seconds, ms, rss,
                        heap(gcEnrich), heap(gcSink), oom);
            }
        } finally {
            List<StageJvm> all = new ArrayList<>(enrich);
            all.addAll(sink);
            stopAll(all);
            deleteTopics(admin, List.of(p, enrichId + "-", routerId + "-"));
        }
    }

    /**
     * Sends {@code batch} from a thread of its own and waits until {@code total} raw records are enriched or
     * dead-lettered, in the topics and in the files, every stage still alive.
     */
    private static void pump(String name, Ingestor ingestor, List<Article> batch, int total,
                             PipelineObserver observer, LineCounter files, List<StageJvm> stages, long deadline,
                             Path logs) throws InterruptedException {
        AtomicReference<Object> ingestDone = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                ingestDone.set(PipelineBench.send(ingestor, batch));
            } catch (RuntimeException e) {
                ingestDone.set(e);
            }
        }, "newsflow-bench-ingest");
        sender.start();
        long nextCount = 0;
        long written = 0;
        while (!(observer.complete(total) && written >= observer.enriched().size())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not finish in time: enriched "
                        + observer.enriched().size() + " of " + total + ", in files " + written + "; logs in " + logs);
            }
            stages.forEach(StageJvm::checkAlive);
            observer.poll(Duration.ofMillis(50));
            if (System.nanoTime() > nextCount) {
                written = files.count();
                nextCount = System.nanoTime() + 100_000_000L;
            }
        }
        sender.join();
        if (ingestDone.get() instanceof RuntimeException e) {
            throw e;
        }
    }

    /** CPU nanoseconds so far of the broker child, every enrich child together, every sink child and ingest. */
    private static Map<String, Long> cpu(StageJvm broker, List<StageJvm> enrich, List<StageJvm> sink) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        if (broker != null) {
            cpu.put("broker", broker.cpuNanos());
        }
        cpu.put("enrich", enrich.stream().mapToLong(StageJvm::cpuNanos).sum());
        cpu.put("sink", sink.stream().mapToLong(StageJvm::cpuNanos).sum());
        // Ingest runs here: its sending thread and its producer's network thread, by name.
        cpu.put("ingest", PipelineBench.threadCpuOf("ingest"));
        return cpu;
    }

    private static GcLog heap(List<Path> logs) throws IOException {
        List<GcLog> parsed = new ArrayList<>();
        for (Path log : logs) {
            parsed.add(Files.exists(log) ? GcLog.parse(Files.readString(log)) : new GcLog(0, 0, 0));
        }
        return new GcLog(parsed.stream().mapToInt(GcLog::collections).sum(),
                parsed.stream().mapToLong(GcLog::maxUsedKb).max().orElse(0),
                parsed.stream().mapToLong(GcLog::maxCommittedKb).max().orElse(0));
    }

    private static void stopAll(List<StageJvm> children) throws InterruptedException {
        for (StageJvm c : children) {
            c.stop(Duration.ofSeconds(60));
        }
    }

    /** Waits until each group is stable with the given number of members, every one of them assigned partitions. */
    private static void awaitGroups(Admin admin, Map<String, Integer> members, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(members.keySet()).all().get();
            boolean ready = groups.entrySet().stream().allMatch(e -> e.getValue().groupState() == GroupState.STABLE
                    && e.getValue().members().size() == members.get(e.getKey())
                    && e.getValue().members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty()));
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder state = new StringBuilder();
                groups.forEach((id, g) -> state.append(f(" %s: %s, %d members;", id, g.groupState(),
                        g.members().size())));
                throw new IllegalStateException("consumer groups not stable within " + timeout.toSeconds() + " s:"
                        + state);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // polling the group state, 5 a second
        }
    }

    /** Deletes the topics named with these prefixes: a run's own and its Streams internal topics (best effort). */
    static void deleteTopics(Admin admin, List<String> prefixes) {
        try {
            List<String> names = admin.listTopics().names().get().stream()
                    .filter(t -> prefixes.stream().anyMatch(t::startsWith)).toList();
            admin.deleteTopics(names).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // best effort: the topics are named after this run only
        }
    }

    static Map<String, Object> adminConfig(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    /** Lines in the finished .jsonl files under some directories; a file, once renamed into place, is final. */
    static final class LineCounter {
        private final List<Path> dirs;
        private final Map<Path, Long> counted = new HashMap<>();
        private long total;

        LineCounter(List<Path> dirs) {
            this.dirs = dirs;
        }

        long count() {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(dir)) {
                    files = walk.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList();
                } catch (IOException | UncheckedIOException e) {
                    continue; // a directory created or renamed while walked: the next count sees it
                }
                for (Path f : files) {
                    if (!counted.containsKey(f)) {
                        try {
                            long n = newlines(f);
                            counted.put(f, n);
                            total += n;
                        } catch (NoSuchFileException e) {
                            // gone since the walk: counted next time under its final name
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
            return total;
        }

        private static long newlines(Path f) throws IOException {
            long n = 0;
            byte[] buf = new byte[65536];
            try (InputStream in = Files.newInputStream(f)) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    for (int i = 0; i < r; i++) {
                        if (buf[i] == '\n') {
                            n++;
                        }
                    }
                }
            }
            return n;
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
