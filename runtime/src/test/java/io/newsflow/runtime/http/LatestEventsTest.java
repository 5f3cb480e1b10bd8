package io.newsflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatestEventsTest {
    @Test
    void keepsTheNewestUpToItsCapacityNewestFirst() {
        LatestEvents<String> latest = new LatestEvents<>(3);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            latest.add(id, "summary " + id, "{\"id\":\"" + id + "\"}");
        }
        assertEquals(3, latest.size());
        assertEquals(List.of("summary e", "summary d", "summary c"), latest.latest(10));
        assertEquals(List.of("summary e", "summary d"), latest.latest(2));
        assertEquals(Optional.empty(), latest.json("b"), "b was the second oldest of five with room for three");
        assertEquals(Optional.of("{\"id\":\"c\"}"), latest.json("c"));
    }

    @Test
    void anEventSeenAgainReplacesItsCopyAndCountsAsNewest() {
        LatestEvents<String> latest = new LatestEvents<>(3);
        latest.add("a", "a1", "{1}");
        latest.add("b", "b1", "{2}");
        latest.add("c", "c1", "{3}");
        latest.add("a", "a2", "{4}");
        latest.add("d", "d1", "{5}");
        // a moved to the front when seen again, so b (now the oldest) went, not a.
        assertEquals(List.of("d1", "a2", "c1"), latest.latest(10));
        assertEquals(Optional.of("{4}"), latest.json("a"));
        assertEquals(Optional.empty(), latest.json("b"));
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LatestEvents<String>(0));
    }
}
