package io.newsflow.tools.ner;

import io.newsflow.enrich.ner.NerModel;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores predicted entities against CoNLL gold the conlleval way: an entity counts only when its token span and
 * type both match exactly. Keeps per-type counts and writes {@code token gold predicted} lines in BIO.
 */
public final class NerEvaluation {
    private final int[] gold = new int[4];
    private final int[] predicted = new int[4];
    private final int[] correct = new int[4];
    private long tokens;

    /** Adds one document; {@code predictedSpans} must not overlap (later overlapping spans are dropped). */
    public void add(Conll.Doc doc, List<Conll.Span> predictedSpans, PrintWriter predictions) {
        tokens += doc.size();
        List<Conll.Span> goldSpans = doc.goldSpans();
        Set<Conll.Span> goldSet = new HashSet<>(goldSpans);
        for (Conll.Span s : goldSpans) {
            gold[s.type()]++;
        }
        String[] predTags = new String[doc.size()];
        java.util.Arrays.fill(predTags, "O");
        for (Conll.Span s : predictedSpans) {
            boolean free = true;
            for (int i = s.start(); i < s.end(); i++) {
                free &= predTags[i].equals("O");
            }
            if (!free || s.end() <= s.start()) {
                continue;
            }
            predicted[s.type()]++;
            if (goldSet.contains(s)) {
                correct[s.type()]++;
            }
            for (int i = s.start(); i < s.end(); i++) {
                predTags[i] = (i == s.start() ? "B-" : "I-") + NerModel.TYPES[s.type()];
            }
        }
        if (predictions != null) {
            String[] goldTags = new String[doc.size()];
            java.util.Arrays.fill(goldTags, "O");
            for (Conll.Span s : goldSpans) {
                for (int i = s.start(); i < s.end(); i++) {
                    goldTags[i] = (i == s.start() ? "B-" : "I-") + NerModel.TYPES[s.type()];
                }
            }
            int next = 1;
            for (int i = 0; i < doc.size(); i++) {
                if (next < doc.sentenceStarts.length && doc.sentenceStarts[next] == i) {
                    predictions.println();
                    next++;
                }
                predictions.println(doc.tokens[i] + " " + goldTags[i] + " " + predTags[i]);
            }
            predictions.println();
        }
    }

    public long tokens() {
        return tokens;
    }

    public double f1() {
        return f1(sum(correct), sum(predicted), sum(gold));
    }

    private static int sum(int[] a) {
        return a[0] + a[1] + a[2] + a[3];
    }

    private static double f1(int c, int p, int g) {
        return c == 0 ? 0 : 2.0 * c / (p + g);
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %7s %7s%n", "type", "precision", "recall", "F1",
                "gold", "found"));
        for (int k = 0; k < 4; k++) {
            row(sb, NerModel.TYPES[k], correct[k], predicted[k], gold[k]);
        }
        row(sb, "overall", sum(correct), sum(predicted), sum(gold));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, int c, int p, int g) {
        sb.append(String.format(Locale.ROOT, "%-8s %9.2f %9.2f %9.2f %7d %7d%n", name,
                p == 0 ? 0 : 100.0 * c / p, g == 0 ? 0 : 100.0 * c / g, 100 * f1(c, p, g), g, p));
    }
}
