package io.newsflow.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.runtime.StartupException;
import io.newsflow.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @Test
    void eachLayerOverridesTheOneBefore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, String.join("\n",
                "bootstrap.servers=file:1", "topic.raw=file.raw", "topic.dlq=file.dlq", "client.rack=file-rack",
                "security.protocol=SASL_PLAINTEXT", "newsflow.dedup.window=1d", "newsflow.max.body.bytes=1000"));
        Map<String, String> env = Map.of("NEWSFLOW_TOPIC_RAW", "env.raw", "NEWSFLOW_TOPIC_LABEL_PREFIX", "env.topic.",
                "NEWSFLOW_DEDUP_WINDOW", "2d", "NEWSFLOW_MAX_BODY_BYTES", "2000", "PATH", "/usr/bin");
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", null);
        flags.put(NewsflowConfig.MAX_BODY_BYTES, "3000");

        Settings s = Settings.resolve(file, env, flags, Map.of("client.rack", "flag-rack"), "ingest");
        assertEquals("file:1", s.get("bootstrap.servers"), "file beats default; an absent flag changes nothing");
        assertEquals("env.raw", s.get("topic.raw"), "environment beats file");
        assertEquals("file.dlq", s.get("topic.dlq"));
        assertEquals("news.enriched", s.get("topic.enriched"), "default");
        assertEquals(Duration.ofDays(2), s.getDuration(NewsflowConfig.DEDUP_WINDOW), "environment beats file");
        assertEquals(3000, s.getInt(NewsflowConfig.MAX_BODY_BYTES), "flag beats environment");
        assertEquals("--max-body-bytes", s.origin(NewsflowConfig.MAX_BODY_BYTES));
        assertEquals("environment variable NEWSFLOW_TOPIC_RAW", s.origin("topic.raw"));
        assertEquals("config file " + file, s.origin("topic.dlq"));
        assertEquals("default", s.origin("topic.enriched"));
        assertEquals("flag-rack", s.kafka().get("client.rack"), "--client-config beats the file");
        assertEquals(new Topics("env.raw", "news.enriched", "env.topic.", "file.dlq"), Topics.from(s.all()));
        assertEquals("SASL_PLAINTEXT", s.kafka().get("security.protocol"), "client properties reach Kafka");
        assertEquals("file:1", s.kafka().get("bootstrap.servers"), "bootstrap.servers reaches Kafka");
        assertEquals(List.of("bootstrap.servers", "client.rack", "security.protocol"), List.copyOf(
                s.kafka().keySet()), "no other newsflow key reaches a Kafka client");
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void defaultsApplyWithNothingElse() {
        Settings s = Settings.resolve(null, Map.of(), Map.of());
        assertEquals("localhost:9092", s.get("bootstrap.servers"));
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), s.kafka());
        Settings env = Settings.resolve(null, Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", "kafka:29092"), Map.of());
        assertEquals("kafka:29092", env.get("bootstrap.servers"));
    }

    @Test
    void environmentMapsOnlyNewsflowKeys() {
        Settings s = Settings.resolve(null, Map.of("NEWSFLOW_DEDUP_WINDOW", "12h", "NEWSFLOW_CLIENT_RACK", "r1",
                "NEWSFLOW_TOPIC_RWA", "x", "NEWSFLOW_LOG_LEVEL", "debug", "NEWSFLOW_UID", "1000"), Map.of(),
                Map.of(), "enrich");
        assertEquals(Duration.ofHours(12), s.getDuration(NewsflowConfig.DEDUP_WINDOW));
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), s.kafka(),
                "neither dedup.window nor client.rack reaches a Kafka client");
        assertEquals("news.raw", s.get("topic.raw"));
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("NEWSFLOW_CLIENT_RACK is not a newsflow setting, ignored"),
                s.warnings().get(0));
        assertTrue(s.warnings().get(1).contains("NEWSFLOW_TOPIC_RWA") && s.warnings().get(1)
                .contains("did you mean NEWSFLOW_TOPIC_RAW?"), s.warnings().get(1));
    }

    @Test
    void unknownKeysAreWarnedAboutWithTheClosestName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typos.properties");
        Files.writeString(file, String.join("\n", "topic.rwa=x", "lingr.ms=5", "enrch.application.id=e",
                "sink.compresion.type=lz4", "enrich.topic.raw=y", "my.interceptor.setting=1",
                // Known: a Kafka client property, Streams' prefixes, a stage prefix, an internal-topic setting.
                "security.protocol=SSL", "producer.linger.ms=5", "main.consumer.max.poll.records=10",
                "enrich.linger.ms=20", "topic.retention.ms=1000", "client.tag.zone=a"));
        List<String> w = Settings.resolve(file, Map.of(), Map.of(), Map.of(), "enrich").warnings();
        assertEquals(6, w.size(), w.toString());
        assertTrue(w.stream().allMatch(line -> line.startsWith("config file " + file + ": ")), w.toString());
        assertTrue(w.contains("config file " + file + ": unknown key topic.rwa, did you mean topic.raw?"), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.endsWith("unknown key lingr.ms, did you mean linger.ms?")), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.endsWith("unknown key enrch.application.id, did you mean "
                + "enrich.application.id?")), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.endsWith("unknown key sink.compresion.type, did you mean "
                + "sink.compression.type?")), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.contains("enrich.topic.raw is ignored")
                && l.endsWith("did you mean topic.raw?")), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.contains("unknown key my.interceptor.setting (neither")), w.toString());
    }

    @Test
    void eachStageHasItsOwnApplicationId(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.properties");
        Files.writeString(file, String.join("\n", "enrich.application.id=my-enrich",
                "sink.application.id=my-sink-router", "linger.ms=10", "enrich.linger.ms=50"));
        Settings enrich = Settings.resolve(file, Map.of(), Map.of(), Map.of(), "enrich");
        Settings sink = Settings.resolve(file, Map.of(), Map.of(), Map.of(), "sink");
        Settings ingest = Settings.resolve(file, Map.of(), Map.of(), Map.of(), "ingest");
        assertEquals("my-enrich", enrich.kafka().get("application.id"));
        assertEquals("my-sink-router", sink.kafka().get("application.id"));
        assertNull(ingest.kafka().get("application.id"));
        assertEquals("50", enrich.kafka().get("linger.ms"), "the stage's value beats the shared one");
        assertEquals("10", sink.kafka().get("linger.ms"));
        assertFalse(enrich.kafka().keySet().stream().anyMatch(k -> k.startsWith("sink.") || k.startsWith("enrich.")));
        assertEquals("my-enrich", io.newsflow.enrich.EnrichTopology.config(enrich.kafka(), Topics.DEFAULTS)
                .get("application.id"));

        Files.writeString(file, "application.id=shared\n");
        StartupException e = assertThrows(StartupException.class,
                () -> Settings.resolve(file, Map.of(), Map.of(), Map.of(), "enrich"));
        assertTrue(e.getMessage().startsWith("config file " + file + ", key application.id: "), e.getMessage());
        assertTrue(e.getMessage().contains("enrich.application.id"), e.getMessage());
    }

    @Test
    void badValuesNameTheirSourceAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "compression.type=banana\n");
        StartupException kafka = assertThrows(StartupException.class,
                () -> Settings.resolve(file, Map.of(), Map.of(), Map.of(), "ingest"));
        assertTrue(kafka.getMessage().startsWith("config file " + file + ", key compression.type: Invalid value "
                + "banana"), kafka.getMessage());

        Files.writeString(file, "sink.max.poll.records=many\n");
        StartupException typed = assertThrows(StartupException.class,
                () -> Settings.resolve(file, Map.of(), Map.of(), Map.of(), "sink"));
        assertTrue(typed.getMessage().startsWith("config file " + file + ", key sink.max.poll.records: "),
                typed.getMessage());

        Files.writeString(file, "newsflow.dedup.window=soon\n");
        StartupException own = assertThrows(StartupException.class, () -> Settings.resolve(file, Map.of(), Map.of()));
        assertTrue(own.getMessage().startsWith("config file " + file + ", key newsflow.dedup.window: "), own.getMessage());
        assertTrue(own.getMessage().contains(Durations.FORMS), own.getMessage());

        StartupException env = assertThrows(StartupException.class,
                () -> Settings.resolve(null, Map.of("NEWSFLOW_MAX_BODY_BYTES", "0"), Map.of()));
        assertTrue(env.getMessage().startsWith("environment variable NEWSFLOW_MAX_BODY_BYTES, key "
                + "newsflow.max.body.bytes: "), env.getMessage());

        StartupException flag = assertThrows(StartupException.class,
                () -> Settings.resolve(null, Map.of(), Map.of(), Map.of("acks", "most"), "ingest"));
        assertTrue(flag.getMessage().startsWith("--client-config, key acks: "), flag.getMessage());

        StartupException own2 = assertThrows(StartupException.class,
                () -> Settings.resolve(null, Map.of(), Map.of(), Map.of("topic.raw", "x"), "ingest"));
        assertTrue(own2.getMessage().contains("NEWSFLOW_TOPIC_RAW"), "newsflow keys are not client properties");
    }

    @Test
    void aBadEscapeNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("escape.properties");
        Files.writeString(file, "# a path with \\users in a comment is fine\nok=\\\\u0041\ntopic.raw=C:\\users\\raw\n");
        StartupException e = assertThrows(StartupException.class, () -> Settings.resolve(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("config file " + file + ", line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("\\uxxxx"), e.getMessage());
    }

    @Test
    void secretsAreHiddenFromOutput() {
        Settings s = Settings.resolve(null, Map.of(), Map.of(), Map.of(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"u\" password=\"s3cr3t\";",
                "ssl.keystore.password", "s3cr3t", "ssl.key.password", "s3cr3t", "security.protocol", "SASL_SSL"),
                null);
        assertFalse(s.toString().contains("s3cr3t"), s.toString());
        assertFalse(s.redacted().toString().contains("s3cr3t"));
        assertTrue(s.toString().contains("SASL_SSL"), "non-secret values stay visible");
    }
}
