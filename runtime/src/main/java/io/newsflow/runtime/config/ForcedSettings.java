package io.newsflow.runtime.config;

import io.newsflow.events.ArticleSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka client properties the pipeline must force, whatever the user set, each with its reason. A stage reports
 * at start every one the user set to something else ("forcing acks=all (you set 1): ..."), so nothing is replaced
 * silently. {@link #apply} drops them from the user's properties; the clients' configs ({@code Ingestor.producerConfig},
 * {@code StreamsDefaults.config} with Kafka Streams' exactly-once, the file sink, the subscriber) then set these
 * values; {@code ForcedSettingsTest} checks they do.
 */
public final class ForcedSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ForcedSettings.class);

    /** A key the pipeline sets whatever the user asks, the value it forces, and why (printed when overridden). */
    public record Forced(String key, String value, String reason) {
    }

    private static final String NO_DUPLICATES = "a retried send must not write a record twice";
    private static final String EXACTLY_ONCE = "enrich and the sink router are exactly-once (exactly_once_v2)";
    private static final String COMMITTED = "newsflow reads only committed records; aborted transactions must not "
            + "reach the output";

    /** ingest's producer ({@code Ingestor.producerConfig}). */
    public static final List<Forced> INGEST_PRODUCER = List.of(
            new Forced(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", NO_DUPLICATES),
            new Forced(ProducerConfig.ACKS_CONFIG, "all", "an acknowledged article must survive a broker loss"),
            new Forced(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    "keys are article ids"),
            new Forced(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    "values are serialized by newsflow"),
            new Forced(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(ArticleSize.MAX_RAW_RECORD_BYTES),
                    "sized to what ingest accepts and news.raw takes"));

    /** enrich and the sink router ({@code StreamsDefaults.config}; Kafka Streams sets the last three itself). */
    public static final List<Forced> STREAMS = List.of(
            new Forced(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2, EXACTLY_ONCE),
            new Forced(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", EXACTLY_ONCE),
            new Forced(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", EXACTLY_ONCE),
            new Forced(ProducerConfig.ACKS_CONFIG, "all", EXACTLY_ONCE));

    /** The sink's file writer: its consumer and its dead-letter producer ({@code FileSink}). */
    public static final List<Forced> SINK_FILES = List.of(
            new Forced(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", COMMITTED),
            new Forced(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    "the file sink commits offsets only once its files are on disk"),
            new Forced(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    "a new file sink writes news.enriched from its beginning"),
            new Forced(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                    "the file sink writes the records' bytes"),
            new Forced(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                    "the file sink writes the records' bytes"),
            new Forced(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", NO_DUPLICATES),
            new Forced(ProducerConfig.ACKS_CONFIG, "all", "dead letters and offsets commit in one transaction"),
            new Forced(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsflow-sink-files-dlq-<random>",
                    "dead letters and offsets commit in one transaction; the id must be unique"),
            new Forced(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000",
                    "bounds how long a restarted sink waits for a crashed one's open transaction"));

    /** {@code subscribe}'s consumer ({@code SubscribeCommand.consumerProperties}). */
    public static final List<Forced> SUBSCRIBER = List.of(
            new Forced(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", COMMITTED),
            new Forced(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", "a subscriber commits nothing"),
            new Forced(ConsumerConfig.GROUP_ID_CONFIG, "(none)", "a subscriber reads with assigned partitions, "
                    + "in no group"),
            new Forced(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    "keys are ids"),
            new Forced(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                    "values are parsed by newsflow"));

    /** replay's own groups, named after the run. */
    public static final List<Forced> REPLAY = List.of(
            new Forced(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-replay-<suffix or end time>",
                    "a replay runs in groups of its own, never the live stages'"),
            new Forced(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-replay-<suffix or end time>-files",
                    "a replay runs in groups of its own, never the live stages'"));

    private ForcedSettings() {
    }

    /** One line per forced key the user set to another value (each key once, the first list naming it). */
    @SafeVarargs
    public static List<String> report(Map<String, ?> given, List<Forced>... lists) {
        Map<String, Forced> forced = new LinkedHashMap<>();
        for (List<Forced> list : lists) {
            list.forEach(f -> forced.putIfAbsent(f.key(), f));
        }
        List<String> lines = new ArrayList<>();
        forced.values().forEach(f -> {
            Object v = given.get(f.key());
            if (v != null && !same(f.key(), String.valueOf(v), f.value())) {
                lines.add("forcing " + f.key() + "=" + f.value() + " (you set "
                        + (Settings.secret(f.key()) ? "[hidden]" : v) + "): " + f.reason());
            }
        });
        return lines;
    }

    /**
     * The user's client properties without the forced keys, after logging (WARN) each one the user set to another
     * value: the client configs then apply newsflow's value (or, under exactly-once, Kafka Streams' own).
     */
    @SafeVarargs
    public static Map<String, Object> apply(Map<String, Object> given, List<Forced>... lists) {
        report(given, lists).forEach(LOG::warn);
        Map<String, Object> out = new java.util.TreeMap<>(given);
        for (List<Forced> list : lists) {
            list.forEach(f -> out.remove(f.key()));
        }
        return out;
    }

    private static boolean same(String key, String given, String forced) {
        String g = given.strip().toLowerCase(Locale.ROOT);
        String f = forced.toLowerCase(Locale.ROOT);
        if (key.equals(ProducerConfig.ACKS_CONFIG) && g.equals("-1")) {
            g = "all";
        }
        return g.equals(f);
    }
}
