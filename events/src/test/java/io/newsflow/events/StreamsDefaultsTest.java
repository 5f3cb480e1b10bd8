package io.newsflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The shared Streams settings: batching and compression are defaults the user's own values replace. */
class StreamsDefaultsTest {
    @Test
    void producersBatchAndCompressUnlessTheUserSaysOtherwise() {
        StreamsConfig defaults = new StreamsConfig(StreamsDefaults.config("app", Map.of("bootstrap.servers", "b:1"),
                Topics.DEFAULTS));
        Map<String, Object> producer = defaults.getProducerConfigs("c");
        assertEquals(64 * 1024, producer.get("batch.size"));
        assertEquals("lz4", producer.get("compression.type"));

        Properties mine = StreamsDefaults.config("app", Map.of("bootstrap.servers", "b:1",
                "producer.batch.size", "1000", "producer.compression.type", "zstd"), Topics.DEFAULTS);
        Map<String, Object> users = new StreamsConfig(mine).getProducerConfigs("c");
        assertEquals("1000", String.valueOf(users.get("batch.size")));
        assertEquals("zstd", users.get("compression.type"));
    }
}
