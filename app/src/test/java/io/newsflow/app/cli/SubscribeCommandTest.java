package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.Settings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** {@code subscribe}'s consumer forces what {@link ForcedSettings#SUBSCRIBER} says and reports each override. */
class SubscribeCommandTest {
    @Test
    void theSubscriberForcesWhatItSays() {
        Settings s = Settings.resolve(null, Map.of(), Map.of(), Map.of("isolation.level", "read_uncommitted",
                "enable.auto.commit", "true", "group.id", "g", "key.deserializer", ByteArrayDeserializer.class.getName(), "value.deserializer",
                StringDeserializer.class.getName()), "subscribe");
        Properties p = SubscribeCommand.consumerProperties(s);
        for (ForcedSettings.Forced f : ForcedSettings.SUBSCRIBER) {
            if (f.key().equals("group.id")) {
                assertFalse(p.containsKey("group.id"));
            } else {
                assertEquals(f.value(), String.valueOf(p.get(f.key())), f.key());
            }
        }
        assertEquals(5, ForcedSettings.report(s.kafka(), ForcedSettings.SUBSCRIBER).size());
    }
}
