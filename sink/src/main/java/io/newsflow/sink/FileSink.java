package io.newsflow.sink;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file half of the sink: reads {@code news.enriched} (read_committed) and writes JSON Lines files, cut by the
 * {@link RotationPolicy} (segments by count and wait, files within a segment by directory and event-time bucket); a segment's files are fsynced and renamed before its offsets are committed, so a crash
 * never loses an event and a replay rewrites the same files instead of duplicating them. An event that cannot be
 * read or filed goes to the dead-letter topic with its original bytes and reason, and the loop carries on.
 */
public final class FileSink implements Runnable, AutoCloseable {
    public static final String DEFAULT_GROUP_ID = "newsflow-sink-files";
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlqProducer;
    private final Topics topics;
    private final JsonlBatchWriter writer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final RotationPolicy policy;
    private final Map<TopicPartition, Segment> segments = new HashMap<>();

    public FileSink(Map<String, Object> clientConfig, Topics topics, Path out) {
        this(clientConfig, topics, out, RotationPolicy.DEFAULTS);
    }

    public FileSink(Map<String, Object> clientConfig, Topics topics, Path out, RotationPolicy policy) {
        this.policy = policy;
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig));
        this.dlqProducer = new KafkaProducer<>(dlqProducerConfig(clientConfig));
        this.topics = topics;
        this.writer = new JsonlBatchWriter(out, policy);
    }

    static Properties consumerConfig(Map<String, Object> base) {
        Properties p = new Properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        p.putAll(base);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-sink-files");
        return p;
    }

    static Properties dlqProducerConfig(Map<String, Object> base) {
        Properties p = new Properties();
        for (Map.Entry<String, Object> e : base.entrySet()) {
            // Consumer-only settings would only draw warnings from the producer.
            if (!e.getKey().equals(ConsumerConfig.GROUP_ID_CONFIG)) {
                p.put(e.getKey(), e.getValue());
            }
        }
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-sink-files-dlq");
        return p;
    }

    /** Events written to the enriched files so far (each also to its label files). */
    public long written() {
        return written.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** A partition's buffered records since its last rotation; {@code next} is the offset to commit after it. */
    private static final class Segment {
        final List<JsonlBatchWriter.Item> items = new ArrayList<>();
        long openedAtMs;
        long next = -1;
        int records;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.enriched()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Hand over cleanly: what this instance buffered is written and committed before it lets go.
                    for (TopicPartition tp : partitions) {
                        flush(tp);
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    for (TopicPartition tp : partitions) {
                        writer.discardPartialFiles(tp.partition());
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // Another instance owns them now: drop the buffers, it replays from the committed offsets.
                    partitions.forEach(segments::remove);
                }
            });
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        add(tp, r);
                    }
                }
                long now = System.currentTimeMillis();
                for (TopicPartition tp : List.copyOf(segments.keySet())) {
                    Segment seg = segments.get(tp);
                    if (seg.records > 0 && policy.expired(seg.openedAtMs, now)) {
                        flush(tp);
                    }
                }
            }
            for (TopicPartition tp : List.copyOf(segments.keySet())) {
                flush(tp);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            dlqProducer.close(Duration.ofSeconds(5));
        }
    }

    private void add(TopicPartition tp, ConsumerRecord<byte[], byte[]> r) {
        Segment seg = segments.computeIfAbsent(tp, t -> new Segment());
        EnrichedArticle event = null;
        try {
            event = Topics.ENRICHED_SERDE.fromBytes(r.value());
            if (event == null) {
                throw new io.newsflow.events.InvalidEventException("tombstone: null value");
            }
            Routing.dirs(writer.out(), event);
        } catch (RuntimeException e) {
            deadLetter(r, e);
            event = null;
        }
        if (seg.records == 0) {
            seg.openedAtMs = System.currentTimeMillis();
        }
        seg.records++;
        seg.next = r.offset() + 1;
        if (event != null) {
            seg.items.add(new JsonlBatchWriter.Item(r.offset(), r.value(), event));
        }
        if (policy.full(seg.records)) {
            flush(tp);
        }
    }

    /** Writes and syncs the partition's segment, then commits past it: files first, offsets second. */
    private void flush(TopicPartition tp) {
        Segment seg = segments.get(tp);
        if (seg == null || seg.records == 0) {
            return;
        }
        try {
            writer.write(tp.partition(), seg.items);
        } catch (IOException e) {
            // Not committed: the segment is written again from the same offset after a restart.
            throw new UncheckedIOException("cannot write sink files under " + writer.out(), e);
        }
        dlqProducer.flush();
        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(seg.next)));
        written.addAndGet(seg.items.size());
        segments.put(tp, new Segment());
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, RuntimeException e) {
        LOG.warn("dead-lettering {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("__streams.errors.exception", utf8(e.getClass().getName()));
        headers.add("__streams.errors.message", utf8(String.valueOf(e.getMessage())));
        headers.add("__streams.errors.topic", utf8(r.topic()));
        headers.add("__streams.errors.partition", utf8(String.valueOf(r.partition())));
        headers.add("__streams.errors.offset", utf8(String.valueOf(r.offset())));
        try {
            dlqProducer.send(new ProducerRecord<>(topics.dlq(), null, r.key(), r.value(), headers)).get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", ie);
        } catch (java.util.concurrent.ExecutionException ee) {
            // Not committed either: better to stop than to lose the record.
            throw new IllegalStateException("cannot write to the dead-letter topic " + topics.dlq(), ee.getCause());
        }
        deadLettered.incrementAndGet();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops the loop from another thread; {@link #run()} then closes the clients. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
