package io.newsflow.sink;

import io.newsflow.events.StageMeters;
import io.newsflow.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
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
 * The file half of the sink: a consumer loop that reads {@code news.enriched} (read_committed) into a
 * {@link SegmentBuffer} and, when a segment is due, has its files fsynced and renamed before committing its offset
 * and its dead letters in one transaction, so a crash never loses an event and a replay rewrites the same files.
 * An event that cannot be read or filed goes to the dead-letter topic with its original bytes and reason.
 */
public final class FileSink implements Runnable, AutoCloseable {
    public static final String DEFAULT_GROUP_ID = "newsflow-sink-files";
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlqProducer;
    private final Topics topics;
    private final SegmentBuffer<ProducerRecord<byte[], byte[]>> buffer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile StageMeters meters = StageMeters.NONE;

    public FileSink(Map<String, Object> clientConfig, Topics topics, Path out) {
        this(clientConfig, topics, out, RotationPolicy.DEFAULTS);
    }

    public FileSink(Map<String, Object> clientConfig, Topics topics, Path out, RotationPolicy policy) {
        this(clientConfig, topics, out, policy, Clock.systemUTC());
    }

    FileSink(Map<String, Object> clientConfig, Topics topics, Path out, RotationPolicy policy, Clock clock) {
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig));
        this.dlqProducer = new KafkaProducer<>(dlqProducerConfig(clientConfig));
        this.topics = topics;
        this.buffer = new SegmentBuffer<>(out, policy, clock);
    }

    /** The file sink's consumer settings over {@code base}; the values it forces are listed in the CLI's report. */
    public static Properties consumerConfig(Map<String, Object> base) {
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

    /** The dead-letter producer's settings over {@code base} (transactional: dead letters commit with offsets). */
    public static Properties dlqProducerConfig(Map<String, Object> base) {
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
        // Dead letters and the offset commit go in one transaction. The group generation (KIP-447) fences a zombie,
        // so the id only has to be unique; a crashed instance's open transaction is aborted by the broker after
        // this timeout, which bounds how long a restarted sink waits for the offsets it left pending.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsflow-sink-files-dlq-" + java.util.UUID.randomUUID());
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        return p;
    }

    /** Counts the files written and their bytes, and the dead letters by reason, once committed. */
    public FileSink meters(StageMeters stageMeters) {
        this.meters = stageMeters;
        return this;
    }

    /** The file half's consumer, for its client metrics only (it is polled on the sink's own thread). */
    public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
        return consumer;
    }

    /** The dead-letter producer, for its client metrics only. */
    public org.apache.kafka.clients.producer.Producer<byte[], byte[]> deadLetterProducer() {
        return dlqProducer;
    }

    /** Events written to the enriched files so far (each also to its label files). */
    public long written() {
        return written.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    @Override
    public void run() {
        try {
            dlqProducer.initTransactions();
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
                        buffer.discardPartialFiles(tp.partition());
                    }
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // Another instance owns them now: drop the buffers, it replays from the committed offsets.
                    partitions.forEach(tp -> buffer.abandon(tp.partition()));
                }
            });
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        add(tp, r);
                    }
                }
                for (int partition : buffer.due()) {
                    flush(new TopicPartition(topics.enriched(), partition));
                }
            }
            if (!abandoned) {
                for (int partition : buffer.partitions()) {
                    flush(new TopicPartition(topics.enriched(), partition));
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            if (abandoned) {
                buffer.abandonAll(); // on this thread: the revocation during close then has nothing to flush
            }
            consumer.close(Duration.ofSeconds(5));
            dlqProducer.close(Duration.ofSeconds(5));
        }
    }

    private final Object seenLock = new Object();
    private long seen;

    /**
     * Blocks until this sink has read at least {@code n} records (filed, dead-lettered or still buffered), or the
     * timeout passes; returns whether it got there. Tests wait on it instead of polling.
     */
    boolean awaitSeen(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seenLock) {
            while (seen < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(seenLock, left);
            }
            return true;
        }
    }

    private void add(TopicPartition tp, ConsumerRecord<byte[], byte[]> r) {
        synchronized (seenLock) {
            seen++;
            seenLock.notifyAll();
        }
        try {
            buffer.add(tp.partition(), r.offset(), r.value(), SinkEvent.read(r.value()));
        } catch (RuntimeException e) {
            buffer.reject(tp.partition(), r.offset(), deadLetter(r, e));
        }
        if (buffer.full(tp.partition())) {
            flush(tp);
        }
    }

    /** Writes, syncs and renames the partition's segment, then commits past it: files first, offsets second. */
    private void flush(TopicPartition tp) {
        if (!buffer.holds(tp.partition())) {
            return;
        }
        SegmentBuffer.Sealed<ProducerRecord<byte[], byte[]>> sealed;
        try {
            sealed = buffer.seal(tp.partition());
        } catch (IOException e) {
            // Not committed: the segment is written again from the same offset after a restart.
            throw new UncheckedIOException("cannot write sink files under " + buffer.out(), e);
        }
        List<Path> files;
        try {
            files = buffer.commit(sealed);
        } catch (IOException e) {
            buffer.discard(sealed);
            throw new UncheckedIOException("cannot rename sink files under " + buffer.out(), e);
        }
        // Files first (fsynced, named by their first offset, so a replay rewrites the same files); then the dead
        // letters and the offset in one transaction: a crash before the commit sends neither, and the segment is
        // processed again, so each dead letter is in news.dlq once.
        try {
            dlqProducer.beginTransaction();
            for (ProducerRecord<byte[], byte[]> dead : sealed.rejected()) {
                dlqProducer.send(dead);
            }
            dlqProducer.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(sealed.nextOffset())),
                    consumer.groupMetadata());
            dlqProducer.commitTransaction();
        } catch (org.apache.kafka.common.KafkaException e) {
            // Not committed: better to stop, and process the segment again after a restart, than to lose it.
            throw new IllegalStateException("cannot commit the file sink's offsets and dead letters to "
                    + topics.dlq() + ": " + e.getMessage(), e);
        }
        // Counted before the totals move, so whoever waits on written() sees the meters already counted.
        count(files, sealed.rejected());
        deadLettered.addAndGet(sealed.rejected().size());
        written.addAndGet(sealed.filed());
    }

    private void count(List<Path> files, List<ProducerRecord<byte[], byte[]>> rejected) {
        for (Path file : files) {
            try {
                meters.fileWritten(java.nio.file.Files.size(file));
            } catch (IOException e) {
                // Only a figure: a file moved away since (by an operator) is counted without its bytes.
                meters.fileWritten(0);
            }
        }
        for (ProducerRecord<byte[], byte[]> dead : rejected) {
            var header = dead.headers().lastHeader("__streams.errors.exception");
            String type = header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
            meters.deadLetter(type.substring(type.lastIndexOf('.') + 1));
        }
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> r, RuntimeException e) {
        LOG.warn("dead-lettering {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("__streams.errors.exception", utf8(e.getClass().getName()));
        headers.add("__streams.errors.message", utf8(String.valueOf(e.getMessage())));
        headers.add("__streams.errors.topic", utf8(r.topic()));
        headers.add("__streams.errors.partition", utf8(String.valueOf(r.partition())));
        headers.add("__streams.errors.offset", utf8(String.valueOf(r.offset())));
        return new ProducerRecord<>(topics.dlq(), null, r.key(), r.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Stops the loop without writing or committing what is buffered, as a crash would (tests use it to show that
     * nothing buffered reaches news.dlq or the committed offsets).
     */
    void abandon() {
        abandoned = true;
        running.set(false);
        consumer.wakeup();
    }

    private volatile boolean abandoned;

    /** Stops the loop from another thread; {@link #run()} then closes the clients. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
