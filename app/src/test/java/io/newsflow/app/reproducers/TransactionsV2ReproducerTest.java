package io.newsflow.app.reproducers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.runtime.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minimal reproducer for the loss verify-delivery saw under transactions v2, with nothing of newsflow but the
 * embedded broker: Kafka's own consume-transform-produce loop (consumer, transactional producer,
 * sendOffsetsToTransaction) copies N records from {@code in} to {@code out} while the broker is restarted under it,
 * then counts what a read_committed reader sees. Long, so it runs only when asked:
 * {@code mvn -B test -pl app -am -Dtest=TransactionsV2ReproducerTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsflow.reproduce=1 [-Dnewsflow.reproduce.records=200000] [-Dnewsflow.reproduce.restarts=3]}; it runs the
 * same loop under version 1 and version 2 and fails if either loses or duplicates a record.
 */
class TransactionsV2ReproducerTest {
    @Test
    void consumeTransformProduceAcrossBrokerRestarts(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(System.getProperty("newsflow.reproduce") != null,
                "the transactions v2 reproducer runs only with -Dnewsflow.reproduce=1 (minutes long)");
        int records = Integer.getInteger("newsflow.reproduce.records", 200_000);
        int restarts = Integer.getInteger("newsflow.reproduce.restarts", 3);
        Map<Integer, long[]> results = new HashMap<>();
        for (int version : new int[]{1, 2}) {
            results.put(version, run(dir.resolve("tv" + version), version, records, restarts));
        }
        for (int version : new int[]{1, 2}) {
            long[] r = results.get(version);
            System.out.printf("transaction.version=%d: %d records, %d restarts: lost %d, duplicated %d%n", version,
                    records, restarts, r[0], r[1]);
        }
        for (int version : new int[]{1, 2}) {
            assertEquals(0, results.get(version)[0] + results.get(version)[1], "transaction.version=" + version
                    + ": lost " + results.get(version)[0] + ", duplicated " + results.get(version)[1]);
        }
    }

    /** Returns {lost, duplicated}. */
    static long[] run(Path data, int version, int records, int restarts) throws Exception {
        EmbeddedBroker[] broker = {EmbeddedBroker.start(data, 0, Map.of(), version)};
        String bootstrap = broker[0].bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("in", 3, (short) 1), new NewTopic("out", 3, (short) 1)))
                    .all().get();
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producerProps(bootstrap, null))) {
            for (int i = 0; i < records; i++) {
                p.send(new ProducerRecord<>("in", "k" + i, "v" + i));
            }
            p.flush();
        }
        Progress copied = new Progress();
        AtomicBoolean stop = new AtomicBoolean();
        Thread copier = new Thread(() -> copy(bootstrap, records, copied, stop), "copier");
        copier.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        for (int r = 1; r <= restarts; r++) {
            long at = (long) records * r / (restarts + 1);
            copied.awaitAtLeast(at, deadline);
            broker[0].close();
            broker[0] = EmbeddedBroker.start(data, port, Map.of(), version);
        }
        copier.join(Duration.ofMinutes(20).toMillis());
        stop.set(true);
        copier.join();
        try {
            return count(bootstrap, records);
        } finally {
            broker[0].close();
        }
    }

    /** The loop from Kafka's documentation, with the recovery it prescribes for each kind of error. */
    static void copy(String bootstrap, int records, Progress copied, AtomicBoolean stop) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "copier");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("in"));
            KafkaProducer<String, String> producer = newTransactional(bootstrap);
            long done = 0;
            while (!stop.get() && done < records) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    producer.beginTransaction();
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (ConsumerRecord<String, String> r : batch) {
                        producer.send(new ProducerRecord<>("out", r.key(), r.value()));
                        offsets.put(new TopicPartition(r.topic(), r.partition()),
                                new OffsetAndMetadata(r.offset() + 1));
                    }
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    done += batch.count();
                    copied.set(done);
                } catch (org.apache.kafka.common.errors.ProducerFencedException
                         | org.apache.kafka.common.errors.InvalidProducerEpochException e) {
                    throw e;
                } catch (org.apache.kafka.common.KafkaException e) {
                    // Abort (or, when the producer cannot, replace it: initTransactions aborts what it left open)
                    // and go back to the last committed offsets, so the batch is copied again in a new transaction.
                    try {
                        producer.abortTransaction();
                    } catch (org.apache.kafka.common.KafkaException abortFailed) {
                        producer.close(Duration.ZERO);
                        producer = newTransactional(bootstrap);
                    }
                    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumer.assignment());
                    for (TopicPartition tp : consumer.assignment()) {
                        OffsetAndMetadata o = committed.get(tp);
                        if (o != null) {
                            consumer.seek(tp, o);
                        } else {
                            consumer.seekToBeginning(List.of(tp));
                        }
                    }
                    done = countCommitted(consumer);
                }
            }
            producer.close();
        } finally {
            copied.finish();
        }
    }

    /** The copier's committed count; the main thread blocks on it until a restart point, without polling. */
    static final class Progress {
        private long done;
        private boolean finished;

        synchronized void set(long n) {
            done = n;
            notifyAll();
        }

        synchronized void finish() {
            finished = true;
            notifyAll();
        }

        synchronized void awaitAtLeast(long n, long deadlineNanos) throws InterruptedException {
            while (done < n && !finished) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private static long countCommitted(KafkaConsumer<String, String> consumer) {
        long n = 0;
        for (OffsetAndMetadata o : consumer.committed(consumer.assignment()).values()) {
            n += o == null ? 0 : o.offset();
        }
        return n;
    }

    static KafkaProducer<String, String> newTransactional(String bootstrap) {
        KafkaProducer<String, String> p = new KafkaProducer<>(producerProps(bootstrap, "copier-tx"));
        p.initTransactions();
        return p;
    }

    static Properties producerProps(String bootstrap, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return p;
    }

    /** Reads all of {@code out} as a read_committed reader would: {lost, duplicated}. */
    static long[] count(String bootstrap, int records) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor("out").forEach(pi -> parts.add(new TopicPartition("out", pi.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            Set<String> seen = new HashSet<>();
            long duplicated = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!seen.add(r.key())) {
                        duplicated++;
                    }
                }
            }
            return new long[]{records - seen.size(), duplicated};
        }
    }
}
