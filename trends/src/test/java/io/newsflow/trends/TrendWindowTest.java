package io.newsflow.trends;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendWindowTest {
    @Test
    void theCurrentWindowHoldsAsOfAndEndsFirst() {
        Instant t = Instant.parse("2025-09-19T08:20:00Z");
        assertEquals(Instant.parse("2025-09-19T08:15:00Z"), TrendWindow.M15.currentStart(t));
        // 1 h hopping by 15 min: [07:30, 08:30) holds 08:20 and ends before [07:45, 08:45), [08:00, 09:00), ...
        assertEquals(Instant.parse("2025-09-19T07:30:00Z"), TrendWindow.H1.currentStart(t));
        // 24 h hopping by 1 h: [2025-09-18T09:00, 2025-09-19T09:00).
        assertEquals(Instant.parse("2025-09-18T09:00:00Z"), TrendWindow.D24.currentStart(t));
        // On a boundary the window starting there is the current one.
        assertEquals(Instant.parse("2025-09-19T08:15:00Z"),
                TrendWindow.M15.currentStart(Instant.parse("2025-09-19T08:15:00Z")));
    }

    @Test
    void theSeriesStepsByTheWindowSizeOldestFirst() {
        long hour = 3_600_000L;
        assertArrayEquals(new long[]{10 * hour - 2 * hour, 10 * hour - hour, 10 * hour},
                TrendWindow.H1.seriesStarts(10 * hour, 3));
    }

    @Test
    void retentionKeepsTheHistoryAndTheGrace() {
        assertEquals(Duration.ofMinutes(25 * 15 + 60), TrendWindow.M15.retention(Duration.ofHours(1)));
        assertEquals(Duration.ofDays(25).plusHours(1), TrendWindow.D24.retention(Duration.ofHours(1)));
    }

    @Test
    void windowsParseByTheirApiName() {
        assertEquals(TrendWindow.H1, TrendWindow.parse("1H"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrendWindow.parse("2h"));
        assertEquals("window must be 15m, 1h or 24h, got '2h'", e.getMessage());
    }
}
