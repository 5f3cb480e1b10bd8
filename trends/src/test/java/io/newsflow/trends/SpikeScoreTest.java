package io.newsflow.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpikeScoreTest {
    private static long[] baseline(long... counts) {
        long[] all = new long[24];
        System.arraycopy(counts, 0, all, 0, counts.length);
        return all;
    }

    @Test
    void aKeyAlwaysAtZeroScoresItsCount() {
        // mean 0, sd 0: the deviation floor of 1 makes z the count itself, not infinity.
        SpikeScore s = SpikeScore.of(3, baseline());
        assertEquals(3.0, s.z(), 1e-12);
        assertEquals(0.0, s.mean(), 1e-12);
        assertEquals(0.0, s.sd(), 1e-12);
    }

    @Test
    void aSteadyKeyAtItsUsualCountScoresZero() {
        long[] b = new long[24];
        Arrays.fill(b, 5);
        assertEquals(0.0, SpikeScore.of(5, b).z(), 1e-12);
        // sd 0, floor 1: 8 is three above the mean.
        assertEquals(3.0, SpikeScore.of(8, b).z(), 1e-12);
    }

    @Test
    void aVaryingBaselineDividesByItsDeviation() {
        // 12 windows at 2 and 12 at 6: mean 4, every count 2 away, so sd 2; count 10 is (10 - 4) / 2 = 3.
        long[] b = new long[24];
        for (int i = 0; i < 24; i++) {
            b[i] = i % 2 == 0 ? 2 : 6;
        }
        SpikeScore s = SpikeScore.of(10, b);
        assertEquals(4.0, s.mean(), 1e-12);
        assertEquals(2.0, s.sd(), 1e-12);
        assertEquals(3.0, s.z(), 1e-12);
        // Below its usual level the score is negative: (1 - 4) / 2.
        assertEquals(-1.5, SpikeScore.of(1, b).z(), 1e-12);
    }

    @Test
    void aSmallDeviationIsFlooredAtOne() {
        // Two windows at 1, 22 at 0: mean 1/12, sd sqrt((2 * (11/12)^2 + 22 * (1/12)^2) / 24) = sqrt(11)/12 ~ 0.276,
        // below 1, so z = 4 - 1/12 = 3.91666...
        SpikeScore s = SpikeScore.of(4, baseline(1, 1));
        assertEquals(1.0 / 12, s.mean(), 1e-12);
        assertEquals(Math.sqrt(11) / 12, s.sd(), 1e-12);
        assertEquals(4 - 1.0 / 12, s.z(), 1e-12);
    }

    @Test
    void anEmptyBaselineScoresTheCount() {
        assertEquals(2.0, SpikeScore.of(2, new long[0]).z(), 1e-12);
    }
}
