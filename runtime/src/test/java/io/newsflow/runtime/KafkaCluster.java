package io.newsflow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft broker, started in-process on a free loopback port, for a test class.
 *
 * <p>{@code new KafkaCluster()} starts a broker of the class's own and stops it after the class.
 * {@link #shared()} uses one broker for the whole test JVM instead: started by the first class that asks, kept in the
 * root extension store and stopped when the test run ends. A class may share it only if it leaves nothing behind
 * that another class could read or trip over: its own topic names (or {@link #rawTopicConfig}), its own Streams
 * application ids and consumer group ids, its own state directories (under {@link #workDir()}, which is the
 * class's own directory in either mode), and no assertion on which topics exist that another sharer could upset.
 * The default {@code news.*} names are used on the shared broker only by {@code CommandLineTest} (the CLI's
 * defaults, with no Streams application reading them) and by {@code IngestEdgesTest}'s idempotent topic creation.
 * Classes that restart or kill their broker, need another listener (SASL) or read the default topics with the
 * default application ids keep a broker of their own.
 */
public final class KafkaCluster implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaCluster.class);

    private final boolean shared;
    private EmbeddedBroker broker;
    private Path dir;

    /** A broker of the test class's own. */
    public KafkaCluster() {
        this(false);
    }

    private KafkaCluster(boolean shared) {
        this.shared = shared;
    }

    /** The test JVM's one shared broker; see the class comment for what a sharing class must keep to itself. */
    public static KafkaCluster shared() {
        return new KafkaCluster(true);
    }

    /** The JVM-wide broker, closed by JUnit with the root store at the end of the run. */
    private static final class SharedBroker implements AutoCloseable {
        final Path dir;
        final EmbeddedBroker broker;

        SharedBroker() {
            dir = tempDir("newsflow-test-shared-broker-", null);
            broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        }

        @Override
        public void close() {
            try {
                broker.close();
            } finally {
                Directories.deleteTree(dir);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared) {
            SharedBroker sb = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedBroker.class, k -> new SharedBroker(), SharedBroker.class);
            broker = sb.broker;
            dir = tempDir(context.getRequiredTestClass().getSimpleName() + "-", sb.dir);
        } else {
            dir = tempDir("newsflow-test-broker-", null);
            broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null && !shared) {
            broker.close();
        }
        broker = null;
        Directories.deleteTree(dir);
    }

    private static Path tempDir(String prefix, Path parent) {
        try {
            return parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A directory of the test class's own (also with the shared broker), deleted after the class. */
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
