package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.events.StageMeters;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** What the sink router counts: every event read, each one routed, each dead letter with its reason. */
class SinkMetersTest {
    static final Instant T0 = Instant.parse("2025-09-19T08:00:00Z");

    @Test
    void countsReadRoutedAndDeadLettered() {
        List<String> calls = new ArrayList<>();
        StageMeters meters = new StageMeters() {
            @Override
            public void articleIn() {
                calls.add("in");
            }

            @Override
            public void articleOut() {
                calls.add("out");
            }

            @Override
            public void deadLetter(String reason) {
                calls.add("dead " + reason);
            }
        };
        Properties props = SinkTopology.config(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS);
        props.put(StageMeters.CONFIG, meters);
        try (TopologyTestDriver d = new TopologyTestDriver(SinkTopology.build(Topics.DEFAULTS,
                SinkTopology.Options.DEFAULTS, meters), props)) {
            TestInputTopic<String, byte[]> enriched = d.createInputTopic("news.enriched", new StringSerializer(),
                    new ByteArraySerializer());
            enriched.pipeInput(new TestRecord<>("bad", "{]".getBytes(StandardCharsets.UTF_8), T0));
            enriched.pipeInput(new TestRecord<>("gone", null, T0));
            enriched.pipeInput(new TestRecord<>("ok",
                    Topics.ENRICHED_SERDE.toBytes(Events.event("ok", null, List.of("energy"))), T0));
        }
        // The router reads bytes, so unreadable JSON fails in routing (a processing error, from SinkEvent's reading),
        // as does a tombstone.
        assertEquals(List.of("in", "dead InvalidEventException", "in", "dead InvalidEventException", "in", "out"),
                calls);
    }
}
