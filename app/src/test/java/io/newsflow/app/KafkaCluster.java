package io.newsflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real single-node KRaft broker for one test class, started in-process on a free loopback port. */
public final class KafkaCluster implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedBroker broker;
    private Path dir;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            dir = Files.createTempDirectory("newsflow-test-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
        Demo.deleteRecursively(dir);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Path workDir() {
        return dir;
    }

    public Map<String, Object> clientConfig() {
        return new HashMap<>(Map.of("bootstrap.servers", bootstrapServers()));
    }

    /**
     * A one-partition raw topic of its own (with its derived topics) and a client properties file pointing at it,
     * so each test reads only what it published.
     */
    public Path rawTopicConfig(Path dir, String rawTopic) throws Exception {
        TopicAdmin.create(clientConfig(), new io.newsflow.events.Topics(rawTopic, rawTopic + ".enriched",
                rawTopic + ".label.", rawTopic + ".dlq"), java.util.List.of(), java.util.Optional.of(1),
                java.util.Optional.of((short) 1));
        Path config = dir.resolve(rawTopic + ".properties");
        Files.writeString(config, "bootstrap.servers=" + bootstrapServers() + "\ntopic.raw=" + rawTopic + "\n");
        return config;
    }

    /** Every record of a one-partition topic, up to its end offset (known up front, so nothing is waited for). */
    public java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> c = clientConfig();
        c.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        c.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        c.put("enable.auto.commit", false);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(c)) {
            var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(java.util.List.of(tp));
            consumer.seekToBeginning(java.util.List.of(tp));
            long end = consumer.endOffsets(java.util.List.of(tp)).get(tp);
            java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> out =
                    new java.util.ArrayList<>();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(out::add);
            }
            org.junit.jupiter.api.Assertions.assertEquals(end, out.size(), "read every record of " + topic);
            return out;
        }
    }
}
