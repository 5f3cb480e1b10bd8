package io.newsflow.tools.topics;

import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-thread throughput benchmark of a topic classifier over whole articles (entities extracted beforehand, as
 * the enrich stage hands them over), and the cost of the same classifier on repeated taxonomy terms at two sizes,
 * whose ratio shows the work grows linearly.
 */
public final class TopicBench {
    private TopicBench() {
    }

    /** Throughput over the measured rounds. */
    public record Result(long articles, long chars, double seconds) {
        public double articlesPerSecond() {
            return articles / seconds;
        }

        public double charsPerSecond() {
            return chars / seconds;
        }
    }

    public static Result run(TopicClassifier classifier, List<Article> articles, List<List<Entity>> entities,
                             double warmupSeconds, double measureSeconds) {
        long charsPerRound = 0;
        for (Article a : articles) {
            charsPerRound += a.title().length() + a.body().length();
        }
        long sink = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < articles.size(); i++) {
                sink += classifier.classify(articles.get(i), entities.get(i)).labels().size();
            }
        }
        long rounds = 0;
        long t0 = System.nanoTime();
        long stop = t0 + (long) (measureSeconds * 1e9);
        long now;
        do {
            for (int i = 0; i < articles.size(); i++) {
                sink += classifier.classify(articles.get(i), entities.get(i)).labels().size();
            }
            rounds++;
            now = System.nanoTime();
        } while (now < stop);
        if (sink < 0) {
            throw new AssertionError();
        }
        return new Result(rounds * articles.size(), rounds * charsPerRound, (now - t0) / 1e9);
    }

    /** An article whose body is {@code phrase} repeated to {@code bytes} characters: the bad-input worst case. */
    public static Article repeated(String phrase, int bytes) {
        StringBuilder b = new StringBuilder(bytes + phrase.length());
        while (b.length() < bytes) {
            b.append(phrase);
        }
        return new Article(Article.SCHEMA_VERSION, "bench-repeated-" + bytes, "bench", null, "Repeated terms",
                b.toString(), null, null, Instant.EPOCH, "en");
    }

    /** Median seconds of {@code runs} classifications of each article, after {@code warmups} untimed ones. */
    public static List<Double> secondsEach(TopicClassifier classifier, List<Article> articles, int warmups,
                                           int runs) {
        List<Double> out = new ArrayList<>();
        for (Article a : articles) {
            for (int i = 0; i < warmups; i++) {
                classifier.classify(a, List.of());
            }
            double[] t = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                classifier.classify(a, List.of());
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(t);
            out.add(t[runs / 2]);
        }
        return out;
    }
}
