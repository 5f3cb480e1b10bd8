package io.newsflow.tools.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions an instance owns in a consumer group, and the offsets the group committed on them: how the crash
 * run tells one instance's work from another's. An instance is known by its {@code group.instance.id}; Kafka Streams
 * suffixes it with {@code -<thread>} for each stream thread. Also whether a restarted broker leads every partition
 * again, before a new producer writes to it.
 */
final class GroupWatch implements AutoCloseable {
    private final Admin admin;
    private final Map<String, Object> client;

    GroupWatch(Map<String, Object> client) {
        this.client = Map.copyOf(client);
        this.admin = Admin.create(client);
    }

    /** The partitions of {@code topic} that the members of {@code instanceId} own in {@code group} now. */
    Set<Integer> owned(String group, String topic, String instanceId) throws InterruptedException {
        ConsumerGroupDescription d = get(admin.describeConsumerGroups(java.util.List.of(group)).describedGroups()
                .get(group));
        Set<Integer> out = new TreeSet<>();
        for (MemberDescription m : d.members()) {
            String id = m.groupInstanceId().orElse("");
            if (id.equals(instanceId) || id.startsWith(instanceId + "-")) {
                for (TopicPartition tp : m.assignment().topicPartitions()) {
                    if (tp.topic().equals(topic)) {
                        out.add(tp.partition());
                    }
                }
            }
        }
        return out;
    }

    /** The offsets {@code group} committed on these partitions of {@code topic} (none committed: 0). */
    Map<Integer, Long> committed(String group, String topic, Set<Integer> partitions) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<Integer, Long> out = new TreeMap<>();
        for (int p : partitions) {
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, p));
            out.put(p, o == null ? 0 : o.offset());
        }
        return out;
    }

    static long sum(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The committed records (read_committed) of {@code topic} from offset {@code from} (inclusive) to {@code to}
     * (exclusive) of each partition in {@code to}: offsets alone also count transaction markers and aborted records,
     * which are no output.
     */
    long records(String topic, Map<Integer, Long> from, Map<Integer, Long> to) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove("delivery.timeout.ms"); // a producer setting of the run's shared client map
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            Map<TopicPartition, Long> end = new HashMap<>();
            to.forEach((p, o) -> {
                if (o > from.getOrDefault(p, 0L)) {
                    end.put(new TopicPartition(topic, p), o);
                }
            });
            consumer.assign(end.keySet());
            end.keySet().forEach(tp -> consumer.seek(tp, from.getOrDefault(tp.partition(), 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " up to " + end + " within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /**
     * Waits until every partition of {@code topics} has a leader. A new idempotent producer whose first batch to a
     * partition fails with NOT_LEADER_OR_FOLLOWER while a later one succeeds retries that batch for ever with
     * OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-14359): seen when ingest started right after a broker restart.
     */
    void awaitLeaders(java.util.Collection<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                var described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                if (described.values().stream().flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not answering yet: ask again until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topics + " without a leader after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(200); // polling the broker's metadata, bounded by the deadline above
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read consumer groups: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read consumer groups within 30 s", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
