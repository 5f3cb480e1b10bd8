package io.newsflow.tools.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash run: a broker and the stages as child JVMs, generated articles ingested while enrich or sink are killed
 * with SIGKILL and the broker is restarted; nothing may be lost or duplicated in news.enriched, the label topics or
 * the files.
 *
 * <p>Its size is a parameter (system properties, passed on by Maven's command line): by default 2,000 articles,
 * three kills and one broker restart, which keeps the stages busy through every fault on the 2-core build machine.
 * The big run of before:
 * <pre>
 * mvn -B -pl app -am verify -Dtest=VerifyDeliveryTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dnewsflow.verify.articles=5000
 * </pre>
 * or, with the jar built, {@code ./newsflow verify-delivery --articles 5000} (any size, kills and restarts).
 */
class VerifyDeliveryTest {
    static final int ARTICLES = Integer.getInteger("newsflow.verify.articles", 2_000);
    static final int KILLS = Integer.getInteger("newsflow.verify.kills", 3);
    static final int BROKER_RESTARTS = Integer.getInteger("newsflow.verify.broker-restarts", 1);
    static final long SEED = Long.getLong("newsflow.verify.seed", 7L);

    @Test
    void nothingLostNothingTwiceUnderKillsAndABrokerRestart(@TempDir Path work) throws Exception {
        assertTrue(ARTICLES > 0 && KILLS >= 0 && BROKER_RESTARTS >= 0, "newsflow.verify.* must not be negative");
        System.out.printf("verify-delivery: %d articles, %d kills, %d broker restarts, seed %d%n", ARTICLES, KILLS,
                BROKER_RESTARTS, SEED);
        DeliveryVerifier.Report report = DeliveryVerifier.run(ARTICLES, KILLS, BROKER_RESTARTS, SEED, work,
                Duration.ofMinutes(8), System.out);
        assertEquals(ARTICLES, report.articles());
        assertEquals(0, report.lost(), report::render);
        assertEquals(0, report.duplicated(), report::render);
    }
}
