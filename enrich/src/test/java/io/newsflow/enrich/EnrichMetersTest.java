package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.StageMeters;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
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

/**
 * What the enrich topology and its exception handlers count: every record read (readable or not), each article
 * enriched with its entities and labels, each dead letter with its reason; a repeat skipped by dedup is read only.
 */
class EnrichMetersTest {
    /** Records the calls, in order. */
    static final class Recorded implements StageMeters {
        int in;
        final List<String> enriched = new ArrayList<>();
        final List<String> deadLetters = new ArrayList<>();
        long nanos;

        @Override
        public void articleIn() {
            in++;
        }

        @Override
        public void deadLetter(String reason) {
            deadLetters.add(reason);
        }

        @Override
        public void enriched(EnrichedArticle event, long took) {
            enriched.add(event.id() + " " + event.labels());
            nanos += took;
        }
    }

    @Test
    void countsReadEnrichedAndDeadLettered() {
        Recorded meters = new Recorded();
        Properties props = EnrichTopology.config(Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), Topics.DEFAULTS);
        props.put(StageMeters.CONFIG, meters);
        Enricher enricher = Enricher.standard(Clock.fixed(BadInputTest.T0, ZoneOffset.UTC));
        try (TopologyTestDriver d = new TopologyTestDriver(EnrichTopology.build(Topics.DEFAULTS, enricher,
                EnrichTopology.Options.DEFAULTS, meters), props)) {
            TestInputTopic<String, byte[]> raw = d.createInputTopic("news.raw", new StringSerializer(),
                    new ByteArraySerializer());
            String good = BadInputTest.json("a", "Oil prices jump", "Crude oil rose 4% after OPEC agreed to cut "
                    + "production, and refiners warned of higher gasoline prices.");
            raw.pipeInput(new TestRecord<>("a", utf8(good), BadInputTest.T0));
            raw.pipeInput(new TestRecord<>("bad", utf8("{\"id\": "), BadInputTest.T0));
            raw.pipeInput(new TestRecord<>("other", utf8(good), BadInputTest.T0));
            raw.pipeInput(new TestRecord<>("a", utf8(good), BadInputTest.T0.plusSeconds(1)));
        }
        assertEquals(4, meters.in, "the unreadable record counts as read too");
        assertEquals(List.of("a [energy]"), meters.enriched, "the repeat of a is skipped by dedup");
        assertEquals(List.of("SerializationException", "InvalidEventException"), meters.deadLetters);
        assertTrue(meters.nanos > 0);
    }

    @Test
    void withoutMetersNothingIsCountedAndNothingBreaks() {
        assertEquals(StageMeters.NONE, StageMeters.from(Map.of()));
        assertEquals(StageMeters.NONE, StageMeters.from(Map.of(StageMeters.CONFIG, "not meters")));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
