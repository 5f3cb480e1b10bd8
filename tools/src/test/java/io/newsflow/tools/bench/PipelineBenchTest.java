package io.newsflow.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's small parts: percentiles, thread-to-stage grouping, distinct copies. */
class PipelineBenchTest {
    @Test
    void nearestRankPercentiles() {
        List<Long> sorted = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertEquals(5.0, PipelineBench.percentile(sorted, 50));
        assertEquals(10.0, PipelineBench.percentile(sorted, 99));
        assertEquals(7.0, PipelineBench.percentile(List.of(7L), 99));
        assertTrue(Double.isNaN(PipelineBench.percentile(List.of(), 50)));
    }

    @Test
    void threadsGroupByStage() {
        assertEquals("enrich", PipelineBench.stage("newsflow-enrich-3f2a-StreamThread-1", true));
        assertEquals("enrich", PipelineBench.stage(
                "kafka-producer-network-thread | newsflow-enrich-3f2a-StreamThread-1-producer", true));
        assertEquals("sink", PipelineBench.stage("newsflow-sink-router-9c-StreamThread-1", true));
        assertEquals("sink", PipelineBench.stage("newsflow-sink-files", true));
        assertEquals("ingest", PipelineBench.stage("kafka-producer-network-thread | newsflow-ingest", true));
        assertEquals("bench", PipelineBench.stage("newsflow-bench-read_committed", true));
        assertEquals("broker", PipelineBench.stage("data-plane-kafka-request-handler-0", true));
        assertEquals("bench", PipelineBench.stage("data-plane-kafka-request-handler-0", false));
    }

    @Test
    void copiesHaveDistinctIdsAndTheSameTexts() {
        Article a = new Article(1, "x", "s", null, "T", "B", null, null, Instant.EPOCH, null);
        Article b = new Article(1, "y", "s", null, "U", "C", null, null, Instant.EPOCH, null);
        List<Article> copies = PipelineBench.copies(List.of(a, b), 5, "p");
        assertEquals(5, copies.stream().map(Article::id).distinct().count());
        assertEquals(List.of("T", "U", "T", "U", "T"), copies.stream().map(Article::title).toList());
    }
}
