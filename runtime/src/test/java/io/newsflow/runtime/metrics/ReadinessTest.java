package io.newsflow.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Ready means RUNNING with the lag within its bound; every other case says why not. */
class ReadinessTest {
    @Test
    void runningWithinTheBoundIsReady() {
        Readiness r = Readiness.of("enrich", "RUNNING", List.of("news.raw-0"), OptionalLong.of(10_000), 10_000);
        assertTrue(r.ready());
        assertEquals(List.of("news.raw-0"), r.body().get("assignment"));
        assertEquals(10_000L, r.body().get("lag"));
        assertFalse(r.body().containsKey("reason"));
    }

    @Test
    void lagOverTheBoundIsNotReady() {
        Readiness r = Readiness.of("enrich", "RUNNING", List.of("news.raw-0"), OptionalLong.of(10_001), 10_000);
        assertFalse(r.ready());
        assertEquals("consumer lag 10001 is over 10000", r.reason());
        assertEquals(false, r.body().get("ready"));
    }

    @Test
    void notRunningIsNotReadyWhateverTheLag() {
        Readiness r = Readiness.of("sink", "REBALANCING", List.of(), OptionalLong.of(0), 10_000);
        assertFalse(r.ready());
        assertEquals("state is REBALANCING, not RUNNING", r.reason());
    }

    @Test
    void unknownLagAndNoPartitionsAreReadyWhenRunning() {
        // Not fetched yet, or more instances than partitions: idle, not broken.
        assertTrue(Readiness.of("sink", "RUNNING", List.of("a-0"), OptionalLong.empty(), 10).ready());
        assertTrue(Readiness.of("sink", "RUNNING", List.of(), OptionalLong.of(0), 10).ready());
    }

    @Test
    void severalStagesAreReadyOnlyTogether() {
        Readiness enrich = Readiness.of("enrich", "RUNNING", List.of("news.raw-0"), OptionalLong.of(0), 10);
        Readiness sink = Readiness.starting("sink");
        Readiness both = Readiness.all(List.of(enrich, sink));
        assertFalse(both.ready());
        assertEquals("sink: starting", both.reason());
        assertEquals(List.of(enrich.body(), sink.body()), both.body().get("stages"));
        assertTrue(Readiness.all(List.of(enrich, Readiness.running("ingest"))).ready());
    }
}
