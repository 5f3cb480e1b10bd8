package io.newsflow.tools.ner;

import io.newsflow.enrich.ner.BrownClusters;
import io.newsflow.enrich.ner.Features;
import io.newsflow.enrich.ner.KnownEntities;
import io.newsflow.enrich.ner.NerModel;
import io.newsflow.enrich.ner.NewsTokenizer;
import io.newsflow.enrich.ner.PhraseTable;
import io.newsflow.enrich.ner.TokenizedText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link NerModel} with the averaged perceptron: documents in a seeded shuffle each epoch, Viterbi
 * decoding, an update wherever the decoded tags differ from gold, and the epoch whose averaged weights score best
 * on the development set is kept. The training-name-list feature is computed jack-knifed (each document sees only
 * names from the other folds) so the model does not learn to trust a list that always contains the answer.
 */
public final class NerTrainer {
    public static final int DEFAULT_BITS = 20;
    public static final int FOLDS = 5;

    private final int bits;
    private final int epochs;
    private final long seed;
    private final KnownEntities known;
    private final PrintStream log;
    private final BrownClusters clusters;
    private final Features.Options options;

    public NerTrainer(int bits, int epochs, long seed, KnownEntities known, PrintStream log) {
        this(bits, epochs, seed, known, BrownClusters.empty(), log);
    }

    public NerTrainer(int bits, int epochs, long seed, KnownEntities known, BrownClusters clusters,
                      PrintStream log) {
        this(bits, epochs, seed, known, clusters, Features.Options.DEFAULT, log);
    }

    public NerTrainer(int bits, int epochs, long seed, KnownEntities known, BrownClusters clusters,
                      Features.Options options, PrintStream log) {
        this.options = options;
        this.clusters = clusters;
        this.bits = bits;
        this.epochs = epochs;
        this.seed = seed;
        this.known = known;
        this.log = log;
    }

    /** A training document: its texts as the extractor tokenises them, with gold tags aligned to those tokens. */
    private record Instance(TokenizedText text, int[] gold, Features.Seq seq) {
    }

    public NerModel train(List<Conll.Doc> train, List<Conll.Doc> dev, String name) {
        List<TokenizedText> texts = new ArrayList<>();
        for (Conll.Doc d : train) {
            texts.add(NewsTokenizer.tokenize(d.text));
        }
        PhraseTable caseProfile = Features.caseProfile(texts);
        Map<String, Integer> allNames = new LinkedHashMap<>();
        List<PhraseTable> foldTables = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            foldTables.add(new PhraseTable());
        }
        for (int k = 0; k < train.size(); k++) {
            Conll.Doc d = train.get(k);
            for (Conll.Span s : d.goldSpans()) {
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(d.tokens, s.start(), s.end()));
                if (allNames.putIfAbsent(phrase + "\t" + s.type(), s.type()) == null) {
                    for (int f = 0; f < FOLDS; f++) {
                        if (f != k % FOLDS) {
                            foldTables.get(f).add(phrase, s.type(), true);
                        }
                    }
                }
            }
        }
        List<Instance> instances = new ArrayList<>();
        for (int k = 0; k < train.size(); k++) {
            Features f = new Features(bits, known.table(), foldTables.get(k % FOLDS), caseProfile, clusters, options);
            TokenizedText t = texts.get(k);
            instances.add(new Instance(t, train.get(k).alignedTags(t), f.extract(t, Features.Doc.of(List.of(t)))));
        }
        PhraseTable fullTable = new PhraseTable();
        for (Map.Entry<String, Integer> n : allNames.entrySet()) {
            fullTable.add(n.getKey().substring(0, n.getKey().indexOf('\t')), n.getValue(), true);
        }
        Features features = new Features(bits, known.table(), fullTable, caseProfile, clusters, options);
        int size = (1 << bits) * NerModel.T;
        float[] w = new float[size];
        double[] acc = new double[size];
        float[] tr = new float[(NerModel.T + 1) * NerModel.T];
        double[] trAcc = new double[tr.length];
        NerModel live = new NerModel(name, features, w, tr);
        NerModel.Decoder decoder = live.new Decoder();
        Random random = new Random(seed);
        long c = 1;
        double bestF1 = -1;
        NerModel best = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long t0 = System.nanoTime();
            Collections.shuffle(instances, random);
            int mistakes = 0;
            for (Instance in : instances) {
                Features.Doc doc = Features.Doc.of(List.of(in.text));
                int n = in.text.size();
                int[] pred = new int[n];
                int[] dyn = new int[2 * n];
                int s = 0;
                while (s < n) {
                    int e = in.text.sentenceEnd(s);
                    decoder.decodeSentenceForTraining(in.seq, doc, s, e, pred, dyn);
                    for (int i = s; i < e; i++) {
                        int g = in.gold[i];
                        int p = pred[i];
                        if (g != p) {
                            mistakes++;
                            for (int f = in.seq.offset(i); f < in.seq.offset(i + 1); f++) {
                                update(w, acc, in.seq.id(f) * NerModel.T, g, p, c);
                            }
                            for (int k = 0; k < 2; k++) {
                                if (dyn[2 * i + k] >= 0) {
                                    update(w, acc, dyn[2 * i + k] * NerModel.T, g, p, c);
                                }
                            }
                        }
                        int pg = i == s ? NerModel.T : in.gold[i - 1];
                        int pp = i == s ? NerModel.T : pred[i - 1];
                        if (pg != pp || g != p) {
                            tr[pg * NerModel.T + g] += 1;
                            trAcc[pg * NerModel.T + g] += c;
                            tr[pp * NerModel.T + p] -= 1;
                            trAcc[pp * NerModel.T + p] -= c;
                        }
                    }
                    c++;
                    s = e;
                }
            }
            NerModel averaged = new NerModel(name, features, average(w, acc, c), average(tr, trAcc, c));
            double f1 = dev == null || dev.isEmpty() ? epoch : evaluate(averaged, dev).f1();
            log.printf(java.util.Locale.ROOT, "epoch %d: %d token errors, dev F1 %.2f, %.1f s%n", epoch, mistakes,
                    100 * f1, (System.nanoTime() - t0) / 1e9);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = averaged;
            }
        }
        return best;
    }

    private static void update(float[] w, double[] acc, int row, int gold, int pred, long c) {
        w[row + gold] += 1;
        acc[row + gold] += c;
        w[row + pred] -= 1;
        acc[row + pred] -= c;
    }

    private static float[] average(float[] w, double[] acc, long c) {
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) (w[i] - acc[i] / c);
        }
        return out;
    }

    /** Scores the model's own tags (no canonicalisation) on CoNLL documents. */
    public static NerEvaluation evaluate(NerModel model, List<Conll.Doc> docs) {
        NerEvaluation eval = new NerEvaluation();
        for (Conll.Doc d : docs) {
            TokenizedText t = NewsTokenizer.tokenize(d.text);
            int[] tags = model.tag(List.of(t))[0];
            List<Conll.Span> spans = new ArrayList<>();
            for (int[] s : NerModel.spans(tags)) {
                spans.add(d.toTokens(t.start(s[0]), t.end(s[1] - 1), s[2]));
            }
            eval.add(d, spans, null);
        }
        return eval;
    }
}
