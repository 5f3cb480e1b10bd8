package io.newsflow.tools.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of enrich and of sink share the partitions; one of each is killed with SIGKILL and stays down. Nothing
 * may be lost or duplicated in news.enriched, the label topics or the files both sinks wrote, and the survivors must
 * have done the killed instances' work: each victim had committed records before the kill, and its partitions were
 * assigned to a survivor, which then processed committed records on them.
 *
 * <p>A small size keeps it short; any size runs with {@code ./newsflow verify-delivery --instances 2}.
 */
class VerifyDeliveryInstancesTest {
    static final int ARTICLES = Integer.getInteger("newsflow.verify.instances.articles", 300);

    @Test
    void survivorsTakeOverTheKilledInstancesPartitionsExactlyOnce(@TempDir Path work) throws Exception {
        DeliveryVerifier.Report report = DeliveryVerifier.run(ARTICLES, 2, 0, 11L, work, Duration.ofMinutes(4),
                System.out, 1, 2);
        System.out.print(report.render());

        assertEquals(ARTICLES, report.articles());
        assertEquals(0, report.lost(), report::render);
        assertEquals(0, report.duplicated(), report::render);
        // The files both sinks wrote, under the one --out, hold every article once.
        Map<String, Integer> inFiles = DeliveryVerifier.idCountsInFiles(work.resolve("out").resolve("enriched"));
        assertEquals(ARTICLES, inFiles.size());
        assertTrue(inFiles.values().stream().allMatch(c -> c == 1), "an id twice in the files");

        // Two kills alternate between the stages: one enrich (its Streams group), one sink (router and file groups).
        List<Takeover> takeovers = report.takeovers();
        Set<String> groups = new TreeSet<>();
        takeovers.forEach(t -> groups.add(t.group()));
        assertEquals(Set.of("newsflow-enrich", "newsflow-sink-router", "newsflow-sink-files"), groups,
                report::render);
        assertEquals(3, takeovers.size(), report::render);
        for (Takeover t : takeovers) {
            assertTrue(t.victim().matches("(enrich|sink)-[12]"), t.victim());
            assertTrue(!t.partitions().isEmpty() && t.partitions().size() < 6, t.render());
            assertTrue(t.recordsBeforeKill() > 0, "the victim had produced nothing: " + t.render());
            assertTrue(t.committedAtTakeover() >= t.committedAtKill(), "never assigned to a survivor: " + t.render());
            assertTrue(t.recordsTakenOver() > 0 && t.committedAfter() > t.committedAtTakeover(),
                    "no records processed by the survivors: " + t.render());
        }
        assertTrue(report.ok(), report::render);
    }
}
