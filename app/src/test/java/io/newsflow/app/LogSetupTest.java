package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log settings every command takes. */
class LogSetupTest {
    @Test
    void logLevelComesFromTheFlagOrTheEnvironmentAndABadOneIsRefused() {
        String key = "org.slf4j.simpleLogger.log.io.newsflow";
        String before = System.getProperty(key);
        try {
            assertNull(LogSetup.apply(new String[]{"ingest", "--log-level", "debug", "x"}, Map.of()));
            assertEquals("debug", System.getProperty(key));
            assertNull(LogSetup.apply(new String[]{"ingest", "x"}, Map.of("NEWSFLOW_LOG_LEVEL", "WARN")));
            assertEquals("warn", System.getProperty(key));
            assertNull(LogSetup.apply(new String[]{"ingest", "--log-level=error"}, Map.of("NEWSFLOW_LOG_LEVEL",
                    "warn")));
            assertEquals("error", System.getProperty(key), "the flag wins over the environment");
            String error = LogSetup.apply(new String[]{"enrich", "--log-level", "loud"}, Map.of());
            assertNotNull(error);
            assertTrue(error.contains("'loud'"), error);
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
