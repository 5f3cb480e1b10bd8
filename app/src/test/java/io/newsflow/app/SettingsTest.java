package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @Test
    void eachLayerOverridesTheOneBefore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, String.join("\n",
                "bootstrap.servers=file:1", "topic.raw=file.raw", "topic.dlq=file.dlq", "client.rack=file-rack",
                "security.protocol=SASL_PLAINTEXT"));
        Map<String, String> env = Map.of("NEWSFLOW_TOPIC_RAW", "env.raw", "NEWSFLOW_TOPIC_LABEL_PREFIX", "env.topic.",
                "NEWSFLOW_CLIENT_RACK", "env-rack", "PATH", "/usr/bin");
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", null);
        flags.put("client.rack", "flag-rack");

        Settings s = Settings.resolve(file, env, flags);
        assertEquals("file:1", s.get("bootstrap.servers"), "file beats default; an absent flag changes nothing");
        assertEquals("env.raw", s.get("topic.raw"), "environment beats file");
        assertEquals("file.dlq", s.get("topic.dlq"));
        assertEquals("flag-rack", s.get("client.rack"), "flag beats environment");
        assertEquals(new Topics("env.raw", "news.enriched", "env.topic.", "file.dlq"), Topics.from(s.all()));
        assertEquals("SASL_PLAINTEXT", s.kafka().get("security.protocol"), "client properties reach Kafka");
        assertFalse(s.kafka().containsKey("topic.raw"), "newsflow keys do not reach Kafka clients");
        assertFalse(s.all().containsKey("path"), "only NEWSFLOW_ variables count");
    }

    @Test
    void defaultsApplyWithNothingElse() {
        Settings s = Settings.resolve(null, Map.of(), Map.of());
        assertEquals("localhost:9092", s.get("bootstrap.servers"));
        Settings env = Settings.resolve(null, Map.of("NEWSFLOW_BOOTSTRAP_SERVERS", "kafka:29092"), Map.of());
        assertEquals("kafka:29092", env.get("bootstrap.servers"));
    }

    @Test
    void secretsAreHiddenFromOutput() {
        Settings s = Settings.resolve(null, Map.of(), Map.of(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"u\" password=\"s3cr3t\";",
                "ssl.keystore.password", "s3cr3t", "ssl.key.password", "s3cr3t", "security.protocol", "SASL_SSL"));
        assertFalse(s.toString().contains("s3cr3t"), s.toString());
        assertFalse(s.redacted().toString().contains("s3cr3t"));
        assertTrue(s.toString().contains("SASL_SSL"), "non-secret values stay visible");
    }
}
