package io.newsflow.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Ingestor;
import io.newsflow.sink.SinkTopology;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** A value the pipeline must force is reported, never replaced silently; what is only a default stays the user's. */
class ForcedSettingsTest {
    @Test
    void aForcedValueTheUserSetOtherwiseIsReportedWithItsReason() {
        List<String> lines = ForcedSettings.report(Map.of("acks", "1", "enable.idempotence", "true",
                "linger.ms", "20", "isolation.level", "read_uncommitted"), ForcedSettings.INGEST_PRODUCER,
                ForcedSettings.STREAMS);
        assertEquals(List.of(
                "forcing acks=all (you set 1): an acknowledged article must survive a broker loss",
                "forcing isolation.level=read_committed (you set read_uncommitted): enrich and the sink router are "
                        + "exactly-once (exactly_once_v2)"), lines);
        assertEquals(List.of(), ForcedSettings.report(Map.of("acks", "-1", "ENABLE.IDEMPOTENCE", "false"),
                ForcedSettings.INGEST_PRODUCER), "acks=-1 is acks=all; keys are case-sensitive");
    }

    @Test
    void ingestForcesOnlyWhatItMustAndKeepsTheUsersTuning() {
        Map<String, Object> user = Map.of("bootstrap.servers", "b:1", "linger.ms", "20", "compression.type", "zstd",
                "acks", "1", "enable.idempotence", "false", "max.request.size", "1");
        Properties p = Ingestor.producerConfig(ForcedSettings.apply(user, ForcedSettings.INGEST_PRODUCER));
        assertEquals("20", p.get("linger.ms"), "linger.ms is a default, not forced");
        assertEquals("zstd", p.get("compression.type"), "compression.type is a default, not forced");
        for (ForcedSettings.Forced f : ForcedSettings.INGEST_PRODUCER) {
            assertEquals(f.value(), String.valueOf(Ingestor.producerConfig(Map.of(f.key(), "x")).get(f.key())),
                    f.key());
        }
        Properties defaults = Ingestor.producerConfig(Map.of());
        assertEquals(5, defaults.get("linger.ms"));
        assertEquals("lz4", defaults.get("compression.type"));
    }

    @Test
    void streamsStagesAreExactlyOnceWhateverTheUserSet() {
        Map<String, Object> user = Map.of("bootstrap.servers", "b:1", "processing.guarantee", "at_least_once",
                "isolation.level", "read_uncommitted", "acks", "1", "enable.idempotence", "false",
                "commit.interval.ms", "1000");
        assertEquals(4, ForcedSettings.report(user, ForcedSettings.STREAMS).size());
        for (Properties p : List.of(
                EnrichTopology.config(ForcedSettings.apply(user, ForcedSettings.STREAMS), Topics.DEFAULTS),
                SinkTopology.config(ForcedSettings.apply(user, ForcedSettings.STREAMS, ForcedSettings.SINK_FILES),
                        Topics.DEFAULTS))) {
            StreamsConfig c = new StreamsConfig(p);
            Map<String, String> forced = Map.of(
                    "processing.guarantee", c.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                    "isolation.level", String.valueOf(c.getMainConsumerConfigs("g", "c", 0).get("isolation.level")),
                    "enable.idempotence", String.valueOf(c.getProducerConfigs("c").get("enable.idempotence")),
                    "acks", String.valueOf(c.getProducerConfigs("c").get("acks")));
            for (ForcedSettings.Forced f : ForcedSettings.STREAMS) {
                // Streams leaves acks out under exactly-once: an idempotent producer's acks is all.
                assertEquals(f.value(), f.key().equals("acks") && forced.get("acks").equals("null") ? "all"
                        : forced.get(f.key()), f.key());
            }
            assertEquals("1000", p.get("commit.interval.ms"), "commit.interval.ms is a default, not forced");
        }
    }

    @Test
    void theFileSinkForcesWhatTheReportSays() {
        for (ForcedSettings.Forced f : ForcedSettings.SINK_FILES) {
            Map<String, Object> user = Map.of(f.key(), "x");
            // Each forced key belongs to the sink's consumer or to its dead-letter producer.
            Object applied = org.apache.kafka.clients.consumer.ConsumerConfig.configNames().contains(f.key())
                    && !org.apache.kafka.clients.producer.ProducerConfig.configNames().contains(f.key())
                    ? io.newsflow.sink.FileSink.consumerConfig(user).get(f.key())
                    : io.newsflow.sink.FileSink.dlqProducerConfig(user).get(f.key());
            if (f.value().endsWith("<random>")) {
                assertEquals(true, String.valueOf(applied).startsWith(f.value().replace("<random>", "")), f.key());
            } else {
                assertEquals(f.value(), String.valueOf(applied), f.key());
            }
        }
    }
}
