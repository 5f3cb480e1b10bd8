package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash run, small: a broker and the stages as child JVMs, 5,000 articles, three SIGKILLs of enrich or sink
 * and one broker restart; nothing may be lost or duplicated in news.enriched, the label topics or the files.
 */
class VerifyDeliveryTest {
    @Test
    void nothingLostNothingTwiceUnderKillsAndABrokerRestart(@TempDir Path work) throws Exception {
        DeliveryVerifier.Report report = DeliveryVerifier.run(5_000, 3, 1, 7L, work, Duration.ofMinutes(8),
                System.out);
        assertEquals(5_000, report.articles());
        assertEquals(0, report.lost(), report::render);
        assertEquals(0, report.duplicated(), report::render);
    }
}
