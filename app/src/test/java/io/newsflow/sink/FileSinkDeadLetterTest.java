package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.runtime.KafkaCluster;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink's dead letters go in the transaction that commits its offsets: a sink that dies before committing
 * a segment has sent none of that segment's dead letters, and the one that takes over sends each exactly once.
 */
class FileSinkDeadLetterTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @Test
    void aCrashBeforeTheCommitSendsNoDeadLetterAndTheRestartSendsItOnce(@TempDir Path out) throws Exception {
        Map<String, Object> client = KAFKA.clientConfig();
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(Topics.DEFAULTS.enriched(), 1, (short) 1),
                    new NewTopic(Topics.DEFAULTS.dlq(), 1, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                client.get("bootstrap.servers")), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(Topics.DEFAULTS.enriched(), "poison".getBytes(StandardCharsets.UTF_8),
                    "{not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        // A segment that never rotates by itself: only a flush (close, revocation) would commit it.
        RotationPolicy never = new RotationPolicy(1_000_000, Duration.ofDays(1), Duration.ofHours(1));
        FileSink first = new FileSink(client, Topics.DEFAULTS, out, never);
        Thread t1 = new Thread(first);
        t1.start();
        assertTrue(first.awaitSeen(1, Duration.ofSeconds(60)), "the first sink read the poison record");
        first.abandon();
        t1.join(30_000);
        assertEquals(0, deadLetters(client).size(), "nothing committed, so no dead letter either");

        FileSink second = new FileSink(client, Topics.DEFAULTS, out, never);
        Thread t2 = new Thread(second);
        t2.start();
        assertTrue(second.awaitSeen(1, Duration.ofSeconds(60)), "the restarted sink read the poison record again");
        second.close(); // a clean stop flushes: the dead letter and the offset commit, together
        t2.join(30_000);
        List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(client);
        assertEquals(1, dead.size());
        assertEquals("poison", new String(dead.get(0).key(), StandardCharsets.UTF_8));
        assertTrue(new String(dead.get(0).headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8).length() > 0);
    }

    /** news.dlq as a read_committed subscriber sees it, read to its end. */
    static List<ConsumerRecord<byte[], byte[]>> deadLetters(Map<String, Object> client) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, client.get("bootstrap.servers"));
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.DEFAULTS.dlq(), 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
