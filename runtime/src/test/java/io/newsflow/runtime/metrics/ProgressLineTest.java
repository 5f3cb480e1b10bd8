package io.newsflow.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The 30-s progress line on a clock the test moves: the rate is over the interval since the previous line. */
class ProgressLineTest {
    /** A clock that stands still until the test moves it. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rateIsOverTheIntervalSinceThePreviousLine() {
        ManualClock clock = new ManualClock();
        ProgressLine line = new ProgressLine("enrich", clock);

        clock.advance(Duration.ofSeconds(30));
        // 600 read in 30 s: 20 a second.
        assertEquals("enrich: 20.0 articles/s over 30 s, in 600, out 590, dead letters 3, lag 42",
                line.next(new ProgressLine.Totals(600, 590, 3, OptionalLong.of(42))));

        clock.advance(Duration.ofSeconds(30));
        // 75 more in the next 30 s: 2.5 a second, not (675 / 60).
        assertEquals("enrich: 2.5 articles/s over 30 s, in 675, out 660, dead letters 3, lag 0",
                line.next(new ProgressLine.Totals(675, 660, 3, OptionalLong.of(0))));
    }

    @Test
    void idleStageAndUnknownLag() {
        ManualClock clock = new ManualClock();
        ProgressLine line = new ProgressLine("sink", clock);
        clock.advance(Duration.ofSeconds(30));
        assertEquals("sink: 0.0 articles/s over 30 s, in 0, out 0, dead letters 0, lag unknown",
                line.next(new ProgressLine.Totals(0, 0, 0, OptionalLong.empty())));
        // Two lines at the same instant: no interval, no rate (not a division by zero).
        assertEquals("sink: 0.0 articles/s over 0 s, in 5, out 5, dead letters 0, lag unknown",
                line.next(new ProgressLine.Totals(5, 5, 0, OptionalLong.empty())));
    }

    @Test
    void aSourceHasRejectsAndNoLag() {
        ManualClock clock = new ManualClock();
        ProgressLine line = new ProgressLine("ingest", clock);
        clock.advance(Duration.ofSeconds(60));
        assertEquals("ingest: 0.1 articles/s over 60 s, in 4, out 3, rejected 1",
                line.next(new ProgressLine.Totals(4, 3, 1, OptionalLong.empty(), true)));
    }
}
