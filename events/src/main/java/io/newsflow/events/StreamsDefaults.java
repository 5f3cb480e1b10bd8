package io.newsflow.events;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every newsflow Streams stage shares: exactly-once, and records that cannot be read or processed go
 * to the one dead-letter topic with their original bytes while the stream carries on.
 */
public final class StreamsDefaults {
    /** The largest record newsflow writes (8 MiB); its topics are created with this max.message.bytes. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private StreamsDefaults() {
    }

    /** {@code base} (bootstrap servers, security, overrides) is applied last, so a user can change anything. */
    public static Properties config(String applicationId, Map<String, Object> base, Topics topics) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                CountingExceptionHandlers.Deserialization.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                CountingExceptionHandlers.Processing.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // One transaction a second: read_committed readers see events within about a second (p99 1.03 s at half
        // the max rate), for 14% less CPU an article than 200 ms (bench pipeline, docs/benchmarks.md). A user's
        // commit.interval.ms wins: lower it when subscribers need sub-second visibility.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // Enriched events carry the article plus its entities: allow up to the topics' max.message.bytes.
        p.put(StreamsConfig.producerPrefix("max.request.size"), MAX_MESSAGE_BYTES);
        // An enriched event is ~8 KB: the default 16 KB batch holds one or two. 64 KB lz4 batches cut the broker's
        // work per record; lz4 costs little CPU (bench pipeline, docs/benchmarks.md). Users may change both.
        p.put(StreamsConfig.producerPrefix("batch.size"), 64 * 1024);
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.putAll(base);
        return p;
    }
}
