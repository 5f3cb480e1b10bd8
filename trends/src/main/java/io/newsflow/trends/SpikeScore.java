package io.newsflow.trends;

/**
 * How unusual a key's count in one window is against its own past: z = (count - mean) / max(sd, 1) over the previous
 * {@link TrendWindow#HISTORY} windows of the same size (a window with no article counts 0). The floor of 1 on the
 * deviation keeps a key that was always at 0 from scoring infinity on its first article: 0,0,...,0 then 3 scores 3.
 */
public record SpikeScore(double z, double mean, double sd) {

    /** {@code baseline} are the previous windows' counts (any order); an empty baseline scores the count itself. */
    public static SpikeScore of(long count, long[] baseline) {
        int n = baseline.length;
        if (n == 0) {
            return new SpikeScore(count, 0, 0);
        }
        double sum = 0;
        for (long c : baseline) {
            sum += c;
        }
        double mean = sum / n;
        double squares = 0;
        for (long c : baseline) {
            squares += (c - mean) * (c - mean);
        }
        // Population deviation: the baseline is the whole of the key's recent past, not a sample of it.
        double sd = Math.sqrt(squares / n);
        return new SpikeScore((count - mean) / Math.max(sd, 1.0), mean, sd);
    }
}
