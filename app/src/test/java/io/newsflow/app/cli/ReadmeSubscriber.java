package io.newsflow.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The Java subscriber of the README, compiled and run by {@link SubscribeIntegrationTest}: the lines between the
 * markers must appear verbatim in README.md, so the documented snippet is the one that is tested.
 */
final class ReadmeSubscriber {
    private ReadmeSubscriber() {
    }

    static void follow(String bootstrap, String groupId, AtomicBoolean running, BiConsumer<String, JsonNode> handle)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        // README:begin
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", groupId);                     // your service: Kafka keeps its offsets
        props.put("isolation.level", "read_committed");     // newsflow writes in transactions
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("news.mentions"));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    // key: the entity id (e.g. Q57413 or person:nicolas-maduro); value: EntityMention v1 JSON
                    JsonNode mention = mapper.readTree(r.value());
                    handle.accept(r.key(), mention);
                }
            }
        }
        // README:end
    }
}
