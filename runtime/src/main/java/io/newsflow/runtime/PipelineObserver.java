package io.newsflow.runtime;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the pipeline has committed to its output topics (read_committed, like any subscriber) without joining
 * a consumer group, so the demo and the tests can wait for real state instead of for time.
 */
public final class PipelineObserver implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final Map<String, EnrichedArticle> enriched = new LinkedHashMap<>();
    private final Map<String, Set<String>> labelTopicIds = new TreeMap<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
    private final Map<String, Integer> duplicates = new TreeMap<>();

    public PipelineObserver(Map<String, Object> clientConfig, Topics topics, Collection<String> labels) {
        this.consumer = new KafkaConsumer<>(committedReader(clientConfig));
        this.topics = topics;
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(topics.enriched(), topics.dlq()));
        for (String label : labels) {
            names.add(topics.labelTopic(label));
            labelTopicIds.put(label, new TreeSet<>());
        }
        for (String name : names) {
            List<PartitionInfo> infos = consumer.partitionsFor(name, Duration.ofSeconds(30));
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(name, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads whatever has arrived, for up to {@code wait}. */
    public void poll(Duration wait) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
            if (r.topic().equals(topics.enriched())) {
                if (enriched.put(r.key(), Topics.ENRICHED_SERDE.fromBytes(r.value())) != null) {
                    duplicates.merge(r.topic() + ":" + r.key(), 1, Integer::sum);
                }
            } else if (r.topic().equals(topics.dlq())) {
                deadLetters.add(r);
            } else {
                String label = r.topic().substring(topics.labelPrefix().length(),
                        r.topic().length() - topics.labelSuffix().length());
                if (!labelTopicIds.computeIfAbsent(label, l -> new TreeSet<>()).add(r.key())) {
                    duplicates.merge(r.topic() + ":" + r.key(), 1, Integer::sum);
                }
            }
        }
    }

    public Map<String, EnrichedArticle> enriched() {
        return enriched;
    }

    public List<ConsumerRecord<String, byte[]>> deadLetters() {
        return deadLetters;
    }

    /** Dead letters that came from the given topic (their source-topic header). */
    public long deadLettersFrom(String topic) {
        return deadLetters.stream().filter(r -> topic.equals(header(r, "__streams.errors.topic"))).count();
    }

    public static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public Map<String, Set<String>> labelTopicIds() {
        return labelTopicIds;
    }

    /** Records seen more than once in a topic, by "topic:key". */
    public Map<String, Integer> duplicates() {
        return duplicates;
    }

    /** For each label, the ids of enriched events that carry it: what its topic must hold. */
    public Map<String, Set<String>> expectedLabelTopicIds() {
        Map<String, Set<String>> expected = new TreeMap<>();
        labelTopicIds.keySet().forEach(l -> expected.put(l, new TreeSet<>()));
        enriched.forEach((id, e) -> e.labels().forEach(l -> expected.computeIfAbsent(l, x -> new TreeSet<>())
                .add(id)));
        return expected;
    }

    /** Every raw record is enriched or dead-lettered, and every label topic holds exactly its events. */
    public boolean complete(long rawRecords) {
        return enriched.size() + deadLettersFrom(topics.raw()) >= rawRecords
                && expectedLabelTopicIds().equals(labelTopicIds);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * A consumer that reads only what was committed, string keys and raw values, assigned partitions and no group
     * (nothing committed, no rebalance): how the observers and the live page read topics beside the stages.
     */
    public static Properties committedReader(Map<String, Object> clientConfig) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }
}
