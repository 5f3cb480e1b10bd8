package io.newsflow.tools.bench;

import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import io.newsflow.runtime.EmbeddedBroker;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.runtime.trends.TrendsService;
import io.newsflow.trends.TrendKeys;
import io.newsflow.trends.TrendsTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The trends stage's cost an article against the enrich core's on the same articles. Enrich: the enricher alone on
 * one thread (CPU time). Trends: the real stage (exactly-once, RocksDB stores, every window, the entity index,
 * emit-final, its commits) with one stream thread on the embedded broker, over {@code count} enriched events
 * written beforehand with publish times moving forward so windows keep closing; its cost is the CPU time of the
 * stage's own threads (stream thread and its Kafka clients' I/O threads; the broker's are not counted).
 */
public final class TrendsBench {
    /** Publish-time gap between two benchmark articles: 10 articles a minute, a busy feed. */
    public static final Duration GAP = Duration.ofSeconds(6);

    private TrendsBench() {
    }

    public record Result(int articles, double keysPerArticle, double enrichCpuMs, long trendsArticles,
                         double trendsCpuMs, double trendsSeconds, long emitted) {
        public double enrichPerSecond() {
            return 1000 / enrichCpuMs;
        }

        public double trendsPerCpuSecond() {
            return 1000 / trendsCpuMs;
        }
    }

    public static Result run(List<Article> articles, int count, double warmupSeconds, double seconds)
            throws InterruptedException {
        Enricher enricher = Enricher.standard(java.time.Clock.systemUTC());
        List<EnrichedArticle> events = new ArrayList<>();
        for (Article a : articles) {
            events.add(enricher.enrich(a));
        }
        double keys = events.stream().mapToInt(e -> TrendKeys.of(e).size()).average().orElse(0);
        double enrichCpuMs = enrichCpuMs(enricher, articles, warmupSeconds, seconds);

        Path work = tempDir();
        try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("broker"), 0)) {
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()));
            Topics topics = Topics.DEFAULTS;
            TopicAdmin.create(client, topics, List.of(), Optional.of(TopicAdmin.DEFAULT_PARTITIONS),
                    Optional.of((short) 1));
            write(client, topics, events, count);
            Map<String, Object> base = new HashMap<>(client);
            base.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").toString());
            base.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
            long t0 = System.nanoTime();
            try (TrendsService trends = new TrendsService(TrendsTopology.config(base, topics), topics,
                    TrendsTopology.Options.DEFAULTS, "127.0.0.1:0")) {
                trends.start(Duration.ofSeconds(120));
                awaitCommitted(client, topics.enriched(), count, Duration.ofMinutes(20));
                // The counting half reads the trend-key repartition topic: done once it has committed all of it.
                awaitDrained(client, TrendsTopology.DEFAULT_APPLICATION_ID + "-by-trend-key-repartition",
                        Duration.ofMinutes(20));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpuMs = stageCpuNanos() / 1e6;
                long emitted = committedRecords(client, topics.trends());
                return new Result(articles.size(), keys, enrichCpuMs, count, cpuMs / count, wall, emitted);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void write(Map<String, Object> client, Topics topics, List<EnrichedArticle> events, int count) {
        Map<String, Object> p = new HashMap<>(client);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("linger.ms", 20);
        p.put("max.request.size", io.newsflow.events.StreamsDefaults.MAX_MESSAGE_BYTES);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                t = t.plus(GAP);
                String id = "bench-" + i;
                producer.send(new ProducerRecord<>(topics.enriched(), id,
                        Topics.ENRICHED_SERDE.toBytes(withIdAndTime(events.get(i % events.size()), id, t))));
            }
            producer.flush();
        }
    }

    /** Until the stage's committed offsets on {@code topic} add up to {@code count}; polled with a deadline. */
    private static void awaitCommitted(Map<String, Object> client, String topic, long count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(client)) {
            while (true) {
                long committed = 0;
                try {
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(
                            TrendsTopology.DEFAULT_APPLICATION_ID).partitionsToOffsetAndMetadata().get().entrySet()) {
                        if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                            committed += e.getValue().offset();
                        }
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("cannot read the trends group's offsets: " + e.getCause(), e);
                }
                if (committed >= count) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("trends committed " + committed + " of " + count + " within "
                            + timeout.toMinutes() + " min");
                }
                Thread.sleep(100); // polling the group's committed offsets, with a deadline
            }
        }
    }

    /**
     * Until the stage has committed every record of {@code topic}: each partition's committed offset reaches its end
     * offset less one, the commit marker that closes the last transaction written to it.
     */
    private static void awaitDrained(Map<String, Object> client, String topic, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(client)) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var end = admin.listOffsets(latest).all().get();
            while (true) {
                var committed = admin.listConsumerGroupOffsets(TrendsTopology.DEFAULT_APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get();
                boolean drained = end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset() - 1);
                if (drained) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("trends did not commit all of " + topic + " within "
                            + timeout.toMinutes() + " min");
                }
                Thread.sleep(100); // polling the group's committed offsets, with a deadline
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read " + topic + " offsets: " + e.getCause(), e);
        }
    }

    /** Committed records of {@code topic} (end offsets also count transaction markers, so they are read). */
    private static long committedRecords(Map<String, Object> client, String topic) {
        Map<String, Object> c = new HashMap<>(client);
        c.put("key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        c.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        c.put("isolation.level", "read_committed");
        c.put("enable.auto.commit", false);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long n = 0;
            Map<String, Long> perWindow = new java.util.TreeMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 2 min");
                }
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    n++;
                    perWindow.merge(Topics.TREND_SERDE.fromBytes(r.value()).window(), 1L, Long::sum);
                }
            }
            System.out.println("trend records per window: " + perWindow);
            return n;
        }
    }

    /** CPU time of the threads of the trends client: named after its application id (stream thread, clients). */
    private static long stageCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(TrendsTopology.DEFAULT_APPLICATION_ID)) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                sum += Math.max(cpu, 0);
            }
        }
        return sum;
    }

    /** The enricher's CPU milliseconds an article on this thread, after a warm-up. */
    private static double enrichCpuMs(Enricher enricher, List<Article> articles, double warmupSeconds,
                                      double seconds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long stop = warmEnd + (long) (seconds * 1e9);
        long n = 0;
        long cpu = 0;
        long sink = 0;
        while (true) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (Article a : articles) {
                sink += enricher.enrich(a).entities().size();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            if (t0 >= warmEnd) {
                cpu += c1 - c0;
                n += articles.size();
            }
            if (System.nanoTime() >= stop) {
                break;
            }
        }
        if (n == 0 || sink < 0) {
            throw new IllegalStateException("no measured enrich round: raise --seconds");
        }
        return cpu / 1e6 / n;
    }

    private static EnrichedArticle withIdAndTime(EnrichedArticle e, String id, Instant t) {
        return new EnrichedArticle(e.schemaVersion(), id, e.source(), e.url(), e.title(), e.body(), e.caption(), t,
                t, e.language(), e.entities(), e.topics(), e.labels(), e.enricherVersion(), t, e.guid(),
                e.publishedAtSource(), e.languageSource(), e.entityModel(), e.topicModel());
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("newsflow-bench-trends-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
