package io.newsflow.tools.delivery;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions an instance owns in a consumer group, and the offsets the group committed on them: how the crash
 * run tells one instance's work from another's. An instance is known by its {@code group.instance.id}; Kafka Streams
 * suffixes it with {@code -<thread>} for each stream thread.
 */
final class GroupWatch implements AutoCloseable {
    private final Admin admin;

    GroupWatch(Map<String, Object> client) {
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

    /** The offsets {@code group} committed on these partitions of {@code topic}, summed (none committed: 0). */
    long committed(String group, String topic, Set<Integer> partitions) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        long sum = 0;
        for (int p : partitions) {
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, p));
            sum += o == null ? 0 : o.offset();
        }
        return sum;
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
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
