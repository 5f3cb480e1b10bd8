package io.newsflow.tools.bench;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Ingestor;
import io.newsflow.runtime.EmbeddedBroker;
import io.newsflow.runtime.PipelineObserver;
import io.newsflow.runtime.SinkService;
import io.newsflow.runtime.StreamsService;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.sink.FileSink;
import io.newsflow.sink.RotationPolicy;
import io.newsflow.sink.SinkTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline measured in one run, in one JVM: the enrich core alone (no Kafka) on the same articles, then
 * broker, enrich, sink and ingest together until every article is committed in the enriched topic, in its label
 * topics and in the files, then latency at a steady half of the measured end-to-end rate. Every stage runs in this
 * JVM, so CPU per stage is the CPU time of its threads (grouped by thread name) and peak RSS is the whole JVM's.
 */
public final class PipelineBench {
    /** Stage names, in report order; "other" is CPU of this JVM that no live thread accounts for (GC, JIT, ...). */
    public static final List<String> STAGES = List.of("broker", "enrich", "sink", "ingest", "bench", "other");

    /**
     * @param articles         articles to send in the throughput phase
     * @param bootstrapServers an existing cluster, or null for the embedded broker
     * @param out              where the log, the report and (during the run) the sink's files go
     * @param coreWarmup       seconds of enrich-core warm-up
     * @param coreSeconds      seconds of enrich-core measurement
     * @param latencySeconds   seconds of the steady-rate phase
     * @param timeout          longest wait for the pipeline in each phase
     */
    public record Options(int articles, String bootstrapServers, Path out, double coreWarmup, double coreSeconds,
                          double latencySeconds, Duration timeout) {
    }

    /** Latency percentiles, in ms, of the steady-rate phase. */
    public record Latency(int sent, double targetRate, double achievedRate, int seenUncommitted, int seenCommitted,
                          double p50EnrichedMs, double p99EnrichedMs, double p50CommittedMs, double p99CommittedMs) {
    }

    public record Result(int articles, int distinctTexts, double coreArticlesPerSecond, double coreCpuMsPerArticle,
                         double ingestSeconds,
                         double ingestArticlesPerSecond, double endToEndSeconds, double endToEndArticlesPerSecond,
                         double ratio, int enriched, long deadLettered, Map<String, Integer> perLabel,
                         long filesWritten, Map<String, Double> cpuMsPerArticle, double processCpuMsPerArticle,
                         long peakRssKb, Latency latency, String broker, String loadBefore, String loadAfter,
                         int processors) {
        /** The report: one figure a line, name first, so a reader (or a test) finds each one. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("== newsflow bench pipeline ==\n");
            line(sb, "machine", processors + " processors; load average before " + loadBefore + ", after "
                    + loadAfter);
            line(sb, "layout", "one JVM: " + broker + ", enrich, sink (router + file writer) and ingest");
            line(sb, "articles", articles + " (" + distinctTexts + " distinct texts, each sent with its own id)");
            line(sb, "enrich core", f("%.1f articles/s (one thread, no Kafka, same articles; %.2f CPU ms an "
                    + "article)", coreArticlesPerSecond, coreCpuMsPerArticle));
            line(sb, "ingest", f("%.1f articles/s (%.2f s to send and have all %d acknowledged)",
                    ingestArticlesPerSecond, ingestSeconds, articles));
            line(sb, "end to end", f("%.1f articles/s (%.2f s from first send until all %d are committed in the "
                    + "enriched topic, the label topics and the files)", endToEndArticlesPerSecond, endToEndSeconds,
                    articles));
            line(sb, "ratio", f("%.3f (end to end / enrich core)", ratio));
            line(sb, "outputs", "enriched " + enriched + ", dead-lettered " + deadLettered + ", files "
                    + filesWritten + ", per label " + perLabel);
            StringBuilder cpu = new StringBuilder();
            cpuMsPerArticle.forEach((k, v) -> cpu.append(cpu.isEmpty() ? "" : ", ").append(k)
                    .append(f(" %.2f", v)));
            line(sb, "cpu ms/article", cpu + f("; whole JVM %.2f (threads grouped by name; other: GC, JIT and "
                    + "threads that ended)", processCpuMsPerArticle));
            line(sb, "peak rss", f("%.0f MB (VmHWM of the one JVM holding every stage)", peakRssKb / 1024.0));
            line(sb, "latency rate", f("%.1f articles/s target (half of end to end), %.1f achieved, %d sent",
                    latency.targetRate(), latency.achievedRate(), latency.sent()));
            line(sb, "ingest->enriched", f("p50 %.1f ms, p99 %.1f ms (read_uncommitted, %d seen)",
                    latency.p50EnrichedMs(), latency.p99EnrichedMs(), latency.seenUncommitted()));
            line(sb, "ingest->committed", f("p50 %.1f ms, p99 %.1f ms (read_committed, %d seen)",
                    latency.p50CommittedMs(), latency.p99CommittedMs(), latency.seenCommitted()));
            return sb.toString();
        }

        private static void line(StringBuilder sb, String name, String value) {
            sb.append(String.format(Locale.ROOT, "%-18s %s%n", name + ":", value));
        }
    }

    private PipelineBench() {
    }

    /** Runs both phases over {@code n} articles cycled from {@code texts}; progress goes to {@code console}. */
    public static Result run(List<Article> texts, Options o, PrintStream console) throws InterruptedException {
        if (texts.isEmpty() || o.articles() < 1) {
            throw new IllegalArgumentException("need at least one article and --articles >= 1");
        }
        String loadBefore = load();
        List<Article> articles = copies(texts, o.articles(), "bench-" + System.currentTimeMillis());
        Enricher enricher = Enricher.standard(Clock.systemUTC());
        double[] coreFigures = coreRate(enricher, articles, o.coreWarmup(), o.coreSeconds());
        double core = coreFigures[0];
        console.printf(Locale.ROOT, "enrich core: %.1f articles/s%n", core);

        Path work = tempDir(o.out());
        String run = Long.toString(System.currentTimeMillis(), 36);
        EmbeddedBroker broker = null;
        try {
            String bootstrap = o.bootstrapServers();
            Topics topics = Topics.DEFAULTS;
            if (bootstrap == null) {
                broker = EmbeddedBroker.start(work.resolve("broker"), 0);
                bootstrap = broker.bootstrapServers();
            } else {
                // A shared cluster: topics, application ids and the file group of this run only.
                String p = "bench-" + run + ".";
                topics = new Topics(p + "raw", p + "enriched", p + "topic.", p + "dlq", p + "mentions",
                        p + "country.");
            }
            console.printf("broker %s; topics %s...%n", bootstrap, topics.raw());
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
            TopicAdmin.create(client, topics, enricher.labels(), List.of(), Optional.of(2), Optional.of((short) 1));
            Map<String, Object> streamsClient = new HashMap<>(client);
            streamsClient.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("streams").toString());
            Properties enrichConfig = EnrichTopology.config(streamsClient, topics);
            Properties routerConfig = SinkTopology.config(streamsClient, topics);
            Map<String, Object> sinkClient = new HashMap<>(client);
            if (o.bootstrapServers() != null) {
                enrichConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, EnrichTopology.DEFAULT_APPLICATION_ID + "-"
                        + run);
                routerConfig.put(StreamsConfig.APPLICATION_ID_CONFIG, SinkTopology.DEFAULT_APPLICATION_ID + "-"
                        + run);
                sinkClient.put(ConsumerConfig.GROUP_ID_CONFIG, FileSink.DEFAULT_GROUP_ID + "-" + run);
            }
            try (StreamsService enrich = new StreamsService("enrich", EnrichTopology.build(topics, enricher),
                    enrichConfig);
                 SinkService sink = new SinkService(sinkClient, routerConfig, topics, work.resolve("files"),
                         RotationPolicy.INTERACTIVE, SinkTopology.Options.DEFAULTS).writer("bench");
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Ingestor.producerConfig(client));
                 PipelineObserver observer = new PipelineObserver(client, topics, enricher.labels())) {
                enrich.start(Duration.ofSeconds(60));
                sink.start(Duration.ofSeconds(60));
                Ingestor ingestor = new Ingestor(producer, topics);
                console.printf("enrich and sink running; sending %d articles%n", articles.size());

                // Phase 1: throughput.
                Map<Long, Long> cpuBefore = threadCpu();
                long processCpuBefore = processCpuNanos();
                long t0 = System.nanoTime();
                AtomicReference<Object> ingestDone = new AtomicReference<>();
                Thread sender = new Thread(() -> {
                    try {
                        ingestDone.set(send(ingestor, articles));
                    } catch (RuntimeException e) {
                        ingestDone.set(e);
                    }
                }, "newsflow-bench-ingest");
                sender.start();
                long deadline = t0 + o.timeout().toNanos();
                while (!(observer.complete(articles.size()) && sink.files().written() >= observer.enriched().size())) {
                    check(deadline, sink, observer, articles.size(), o.timeout());
                    observer.poll(Duration.ofMillis(20));
                }
                long t1 = System.nanoTime();
                long filesWritten = sink.files().written();
                sender.join();
                Object ingest = ingestDone.get();
                if (ingest instanceof RuntimeException e) {
                    throw e;
                }
                double ingestSeconds = (Long) ingest / 1e9;
                Map<String, Double> cpu = cpuPerStage(cpuBefore, threadCpu(), articles.size(), broker != null);
                double processCpu = (processCpuNanos() - processCpuBefore) / 1e6 / articles.size();
                double other = processCpu - cpu.values().stream().mapToDouble(Double::doubleValue).sum();
                cpu.put("other", Math.max(0, other));
                double endToEnd = articles.size() / ((t1 - t0) / 1e9);
                Map<String, Integer> perLabel = new TreeMap<>();
                observer.labelTopicIds().forEach((label, ids) -> perLabel.put(label, ids.size()));
                console.printf(Locale.ROOT, "end to end: %.1f articles/s; latency phase at %.1f articles/s for "
                        + "%.0f s%n", endToEnd, endToEnd / 2, o.latencySeconds());

                // Phase 2: latency at half the measured end-to-end rate.
                Latency latency = latency(ingestor, client, topics, texts, endToEnd / 2, o, run);
                return new Result(articles.size(), Math.min(texts.size(), articles.size()), core, coreFigures[1],
                        ingestSeconds,
                        articles.size() / ingestSeconds, (t1 - t0) / 1e9, endToEnd, endToEnd / core,
                        observer.enriched().size(), observer.deadLetters().size(), perLabel, filesWritten,
                        cpu, processCpu, peakRssKb(), latency, broker != null ? "embedded broker"
                        : "external broker " + bootstrap + " (its CPU not measured)", loadBefore, load(),
                        Runtime.getRuntime().availableProcessors());
            }
        } finally {
            if (broker != null) {
                broker.close();
            } else {
                // A shared cluster keeps nothing of the run: its topics and its Streams internal topics go.
                Map<String, Object> shared = Map.of("bootstrap.servers", o.bootstrapServers());
                try (Admin admin = Admin.create(ProcessPipelineBench.adminConfig(shared))) {
                    ProcessPipelineBench.deleteTopics(admin, List.of("bench-" + run + ".",
                            EnrichTopology.DEFAULT_APPLICATION_ID + "-" + run + "-",
                            SinkTopology.DEFAULT_APPLICATION_ID + "-" + run + "-"));
                }
            }
            deleteTree(work);
        }
    }

    /** {@code n} articles cycled from {@code texts}, each with its own id (enrich deduplicates by id). */
    static List<Article> copies(List<Article> texts, int n, String prefix) {
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Article a = texts.get(i % texts.size());
            out.add(a.withId(prefix + "-" + i + "-" + a.id()));
        }
        return out;
    }

    /** Articles per second of {@link Enricher#enrich} on one thread, cycling over {@code articles}. */
    static double[] coreRate(Enricher enricher, List<Article> articles, double warmup, double seconds) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += enricher.enrich(articles.get(i++ % articles.size())).entities().size();
        }
        long count = 0;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long stop = t0 + (long) (seconds * 1e9);
        long t;
        do {
            sink += enricher.enrich(articles.get(i++ % articles.size())).entities().size();
            count++;
            t = System.nanoTime();
        } while (t < stop);
        if (sink < 0) {
            throw new IllegalStateException();
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        return new double[]{count / ((t - t0) / 1e9), cpu / 1e6 / count};
    }

    /** Sends in windows of 1,000 (as ingest does), every send acknowledged; returns the nanoseconds it took. */
    static long send(Ingestor ingestor, List<Article> articles) {
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Instant now = Instant.now();
        for (int from = 0; from < articles.size(); from += 1000) {
            List<Article> window = articles.subList(from, Math.min(articles.size(), from + 1000)).stream()
                    .map(a -> withIngestedAt(a, now)).toList();
            Set<String> acked = ingestor.publish(window, failures);
            if (acked.size() != window.size()) {
                throw new IllegalStateException("ingest failed: " + failures);
            }
        }
        return System.nanoTime() - t0;
    }

    private static Article withIngestedAt(Article a, Instant at) {
        return new Article(a.schemaVersion(), a.id(), a.source(), a.url(), a.title(), a.body(), a.caption(),
                a.publishedAt(), at, a.language(), a.guid(), a.publishedAtSource());
    }

    private static void check(long deadline, SinkService sink, PipelineObserver observer, int n, Duration timeout) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("pipeline did not finish within " + timeout.toSeconds() + " s: enriched "
                    + observer.enriched().size() + " of " + n + ", files " + sink.files().written());
        }
        if (sink.failure() != null) {
            throw new IllegalStateException("sink failed: " + sink.failure().getMessage(), sink.failure());
        }
    }

    /**
     * Sends at {@code rate} for the options' seconds, each article stamped with its send time; two threads read
     * the enriched topic, read_uncommitted and read_committed, and note when each article first shows.
     */
    private static Latency latency(Ingestor ingestor, Map<String, Object> client, Topics topics, List<Article> texts,
                                   double rate, Options o, String run) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> uncommitted = new ConcurrentHashMap<>();
        Map<String, Long> committed = new ConcurrentHashMap<>();
        int total = Math.max(1, (int) Math.round(rate * o.latencySeconds()));
        Watcher a = new Watcher(client, topics, "read_uncommitted", sentAt, uncommitted, total);
        Watcher b = new Watcher(client, topics, "read_committed", sentAt, committed, total);
        a.start();
        b.start();
        a.ready();
        b.ready();
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        long lastSend = t0;
        long tick = 10_000_000L;
        String prefix = "lat-" + run;
        while (sent < total) {
            long elapsed = System.nanoTime() - t0;
            int due = (int) Math.min(total, Math.floor(elapsed / 1e9 * rate) + 1);
            if (due > sent) {
                List<Article> batch = new ArrayList<>();
                Instant now = Instant.now();
                for (int i = sent; i < due; i++) {
                    Article x = texts.get(i % texts.size());
                    Article stamped = withIngestedAt(x.withId(prefix + "-" + i + "-" + x.id()), now);
                    sentAt.put(stamped.id(), now.toEpochMilli());
                    batch.add(stamped);
                }
                if (ingestor.publish(batch, failures).size() != batch.size()) {
                    throw new IllegalStateException("ingest failed: " + failures);
                }
                sent = due;
                lastSend = System.nanoTime();
            } else {
                LockSupport.parkNanos(tick - elapsed % tick); // pacing the sender to the next 10 ms tick
            }
        }
        // The first article goes at time 0: the rate is over the intervals between sends.
        double achieved = sent > 1 ? (sent - 1) / ((lastSend - t0) / 1e9) : rate;
        a.finish(o.timeout());
        b.finish(o.timeout());
        List<Long> enriched = delays(sentAt, uncommitted);
        List<Long> visible = delays(sentAt, committed);
        return new Latency(sent, rate, achieved, enriched.size(), visible.size(), percentile(enriched, 50),
                percentile(enriched, 99), percentile(visible, 50), percentile(visible, 99));
    }

    private static List<Long> delays(Map<String, Long> sentAt, Map<String, Long> seen) {
        List<Long> d = new ArrayList<>();
        seen.forEach((id, t) -> d.add(t - sentAt.get(id)));
        d.sort(Comparator.naturalOrder());
        return d;
    }

    /** Nearest-rank percentile; NaN when there is nothing to rank. */
    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** One consumer of the enriched topic, from its end at start, noting the first sight of each sent article. */
    private static final class Watcher extends Thread {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> sentAt;
        private final Map<String, Long> seen;
        private final int expected;
        private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean stop;
        private volatile RuntimeException failure;

        Watcher(Map<String, Object> client, Topics topics, String isolation, Map<String, Long> sentAt,
                Map<String, Long> seen, int expected) {
            super("newsflow-bench-" + isolation);
            Properties p = new Properties();
            p.putAll(client);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(p);
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topics.enriched(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topics.enriched(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            this.sentAt = sentAt;
            this.seen = seen;
            this.expected = expected;
        }

        @Override
        public void run() {
            try {
                ready.countDown();
                while (!stop && seen.size() < expected) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        if (sentAt.containsKey(r.key())) {
                            seen.putIfAbsent(r.key(), now);
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        void ready() throws InterruptedException {
            ready.await();
        }

        void finish(Duration timeout) throws InterruptedException {
            join(timeout.toMillis());
            stop = true;
            join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** CPU nanoseconds so far of this JVM's live threads of {@code stage} (by name, as {@link #stage}). */
    static long threadCpuOf(String stage) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && stage(info.getThreadName(), false).equals(stage)) {
                sum += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** CPU ms per article of each stage's threads between two snapshots (threads that ended are lost to "other"). */
    private static Map<String, Double> cpuPerStage(Map<Long, Long> before, Map<Long, Long> after, int n,
                                                   boolean embedded) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Double> ms = new LinkedHashMap<>();
        STAGES.stream().filter(s -> !s.equals("other") && (embedded || !s.equals("broker")))
                .forEach(s -> ms.put(s, 0.0));
        after.forEach((id, t) -> {
            ThreadInfo info = mx.getThreadInfo(id);
            if (info == null) {
                return;
            }
            String stage = stage(info.getThreadName(), embedded);
            ms.merge(stage, (t - before.getOrDefault(id, 0L)) / 1e6 / n, Double::sum);
        });
        return ms;
    }

    /** A thread's stage, from its name: Kafka names client threads after the application or client id. */
    static String stage(String thread, boolean embedded) {
        if (thread.contains(EnrichTopology.DEFAULT_APPLICATION_ID)) {
            return "enrich";
        }
        if (thread.contains("newsflow-sink")) {
            return "sink";
        }
        if (thread.contains("newsflow-bench-ingest") || thread.contains("newsflow-ingest")) {
            return "ingest";
        }
        if (thread.startsWith("newsflow-bench") || thread.equals("main")) {
            return "bench";
        }
        return embedded ? "broker" : "bench";
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** VmHWM of this process, in kB (0 where /proc is absent). */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg (the system MXBean gives the first only). */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static Path tempDir(Path under) {
        try {
            Files.createDirectories(under);
            return Files.createTempDirectory(under, "pipeline-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory under --out
        }
    }
}
