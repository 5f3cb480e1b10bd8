package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {
    final Path out = Path.of("/tmp/newsflow-out");

    @Test
    void oneTopicPerLabel() {
        EnrichedArticle e = Events.event("a", null, List.of("diplomacy", "energy"));
        assertEquals(List.of("news.topic.diplomacy", "news.topic.energy"),
                Routing.labelTopics(Topics.DEFAULTS, SinkEvent.of(e)));
        assertEquals(List.of(),
                Routing.labelTopics(Topics.DEFAULTS, SinkEvent.of(Events.event("b", null, List.of()))));
    }

    @Test
    void dateIsPublicationElseIngestionInUtc() {
        EnrichedArticle published = Events.event("a", Instant.parse("2019-03-14T23:30:00-05:00"), List.of("energy"));
        assertEquals(List.of(out.resolve("enriched/date=2019-03-15"), out.resolve("topics/energy/date=2019-03-15")),
                Routing.dirs(out, SinkEvent.of(published)));
        EnrichedArticle undated = Events.event("b", null, List.of());
        assertEquals(List.of(out.resolve("enriched/date=2025-01-01")), Routing.dirs(out, SinkEvent.of(undated)));
    }

    @Test
    void labelsCannotLeaveTheOutputDirectory() {
        for (String label : List.of("../../etc", "..", "a/b", "/abs", "A", "")) {
            EnrichedArticle e = Events.event("x", null, List.of(label));
            assertThrows(InvalidEventException.class, () -> Routing.dirs(out, SinkEvent.of(e)), label);
            assertThrows(InvalidEventException.class, () -> Routing.labelTopics(Topics.DEFAULTS, SinkEvent.of(e)), label);
        }
        assertThrows(InvalidEventException.class, () -> Routing.inside(out, out.resolve("../elsewhere")));
    }
}
