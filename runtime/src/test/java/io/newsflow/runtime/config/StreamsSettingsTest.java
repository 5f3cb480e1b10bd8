package io.newsflow.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.events.Topics;
import io.newsflow.sink.SinkTopology;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Threads and state directory of enrich and the sink router, from newsflow's settings; no broker. */
class StreamsSettingsTest {
    static Properties enrich(Settings s) {
        return StreamsSettings.apply(EnrichTopology.config(s.kafka(), Topics.DEFAULTS), s);
    }

    static Properties sink(Settings s) {
        return StreamsSettings.apply(SinkTopology.config(s.kafka(), Topics.DEFAULTS), s);
    }

    @Test
    void threadsDefaultToTheCoresAndTheSettingReachesNumStreamThreads() {
        Settings defaults = Settings.resolve(null, Map.of(), Map.of());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                enrich(defaults).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals(Runtime.getRuntime().availableProcessors(),
                sink(defaults).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        Settings three = Settings.resolve(null, Map.of(), Map.of(NewsflowConfig.THREADS, "3"));
        assertEquals(3, enrich(three).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals(3, sink(three).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        Settings env = Settings.resolve(null, Map.of("NEWSFLOW_THREADS", "2"), Map.of());
        assertEquals(2, enrich(env).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }

    @Test
    void aNumStreamThreadsClientPropertyWins() {
        Settings s = Settings.resolve(null, Map.of(), Map.of(NewsflowConfig.THREADS, "3"),
                Map.of("enrich.num.stream.threads", "5"), "enrich");
        assertEquals("5", String.valueOf(enrich(s).get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)));
    }

    @Test
    void negativeThreadsStopStartUp() {
        org.junit.jupiter.api.Assertions.assertThrows(io.newsflow.runtime.StartupException.class,
                () -> Settings.resolve(null, Map.of(), Map.of(NewsflowConfig.THREADS, "-1")));
    }

    @Test
    void theDefaultStateDirectoryIsPerApplicationUnderTheHomeNeverTmpKafkaStreams() {
        Settings s = Settings.resolve(null, Map.of(), Map.of());
        Path enrichDir = Path.of((String) enrich(s).get(StreamsConfig.STATE_DIR_CONFIG));
        Path sinkDir = Path.of((String) sink(s).get(StreamsConfig.STATE_DIR_CONFIG));
        Path root = Path.of(System.getProperty("user.home"), ".newsflow", "state").toAbsolutePath().normalize();
        assertEquals(root.resolve(EnrichTopology.DEFAULT_APPLICATION_ID), enrichDir);
        assertEquals(root.resolve(SinkTopology.DEFAULT_APPLICATION_ID), sinkDir);
        assertNotEquals(enrichDir, sinkDir);
        assertFalse(enrichDir.startsWith(Path.of("/tmp/kafka-streams")), enrichDir.toString());
        assertFalse(sinkDir.startsWith(Path.of("/tmp/kafka-streams")), sinkDir.toString());
    }

    @Test
    void theStateDirectoryFollowsTheApplicationIdAndTheSetting(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Settings s = Settings.resolve(null, Map.of("NEWSFLOW_STATE_DIR", tmp.toString()), Map.of(),
                Map.of("enrich.application.id", "my-enrich"), "enrich");
        assertEquals(tmp.resolve("my-enrich").toString(), enrich(s).get(StreamsConfig.STATE_DIR_CONFIG));
    }

    @Test
    void aStateDirClientPropertyWins(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Settings s = Settings.resolve(null, Map.of(), Map.of(NewsflowConfig.STATE_DIR, "/elsewhere"),
                Map.of("state.dir", tmp.toString()), "sink");
        assertEquals(tmp.toString(), sink(s).get(StreamsConfig.STATE_DIR_CONFIG));
    }
}
