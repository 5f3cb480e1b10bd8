package io.newsflow.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One duration format for every option and setting. */
class DurationsTest {
    @Test
    void shortFormsAndIso8601MeanTheSame() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms", "x"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s", "x"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m", "x"));
        assertEquals(Duration.ofHours(12), Durations.parse("12h", "x"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d", "x"));
        assertEquals(Duration.ofDays(7), Durations.parse("P7D", "x"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("pt5m", "x"));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsAndTheSettingName() {
        for (String bad : new String[]{"", "5", "5w", "five minutes", "P", "m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Durations.parse(bad, "newsflow.dedup.window"));
            assertTrue(e.getMessage().startsWith("newsflow.dedup.window must be a duration (250ms, 30s"),
                    e.getMessage());
        }
    }
}
