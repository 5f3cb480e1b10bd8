package io.newsflow.tools.ner;

import io.newsflow.enrich.ner.EntityExtractor;
import io.newsflow.enrich.ner.NewsTokenizer;
import io.newsflow.events.Article;
import io.newsflow.events.TextField;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * A one-thread throughput benchmark of an extractor over whole articles (tokenisation, tagging and
 * canonicalisation included): warm up, then extract the articles round after round for a fixed time.
 */
public final class NerBench {
    private NerBench() {
    }

    /** Throughput over the measured rounds and heap figures (MB). */
    public record Result(long articles, long tokens, double seconds, double heapAfterGcMb, double peakHeapMb) {
        public double tokensPerSecond() {
            return tokens / seconds;
        }

        public double articlesPerSecond() {
            return articles / seconds;
        }
    }

    public static long tokens(Article a) {
        long n = 0;
        for (TextField f : TextField.values()) {
            String text = a.field(f);
            if (text != null) {
                n += NewsTokenizer.tokenize(text).size();
            }
        }
        return n;
    }

    public static Result run(EntityExtractor extractor, List<Article> articles, double warmupSeconds,
                             double measureSeconds) {
        long tokensPerRound = 0;
        for (Article a : articles) {
            tokensPerRound += tokens(a);
        }
        long sink = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) {
            for (Article a : articles) {
                sink += extractor.extract(a).size();
            }
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long rounds = 0;
        long t0 = System.nanoTime();
        long stop = t0 + (long) (measureSeconds * 1e9);
        long now;
        do {
            for (Article a : articles) {
                sink += extractor.extract(a).size();
            }
            rounds++;
            now = System.nanoTime();
        } while (now < stop);
        double seconds = (now - t0) / 1e9;
        double peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double after = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        if (sink < 0) {
            throw new AssertionError();
        }
        return new Result(rounds * articles.size(), rounds * tokensPerRound, seconds, after, peak / 1048576.0);
    }
}
