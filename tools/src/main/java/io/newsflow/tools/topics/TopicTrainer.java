package io.newsflow.tools.topics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.topics.LinearTopicModel;
import io.newsflow.enrich.topics.TopicFeatures;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.Json;
import io.newsflow.tools.topics.TopicEvaluation.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Trains the topic model: one L2-regularised logistic regression per label (L-BFGS; folds seeded, so the same data
 * and seed give the same model), Platt-calibrated and thresholded on out-of-fold scores. Settings are chosen by k-fold
 * cross-validation over all the data pooled, with folds stratified by source, so no file is tuned on and then
 * reported as a test; leave-one-corpus-out figures show how far a model carries to a source it never saw.
 * A file that judges only some labels (Reuters: energy) counts as unlabelled for the others.
 */
public final class TopicTrainer {
    /** One point of the grid that cross-validation searches. */
    public record Setting(TopicFeatures.Config config, double lambda, double boost) {
        public String describe() {
            return String.format(Locale.ROOT, "%s,lambda=%s,boost=%s", config.encode(), lambda, boost);
        }

        /** Reads {@link #describe()}'s form back, as a model file's info records it. */
        public static Setting parse(String s) {
            int l = s.indexOf(",lambda=");
            int b = s.indexOf(",boost=");
            if (l < 0 || b < l) {
                throw new IllegalArgumentException("bad setting '" + s + "'");
            }
            return new Setting(TopicFeatures.Config.decode(s.substring(0, l)),
                    Double.parseDouble(s.substring(l + 8, b)), Double.parseDouble(s.substring(b + 7)));
        }
    }

    /**
     * What to search and how. {@code boostSources} are the sources whose examples weigh {@code boost} times as much
     * (the grid tries each value in {@code boosts}); {@code unsureWeight} is the weight of a borderline call.
     * With {@code selectOnLoco} a setting is judged half on cross-validation within the sources and half on
     * leave-one-corpus-out, since real inputs come from sites the training never saw; the leave-one-corpus-out
     * figures then helped choose the setting and are not an unbiased test.
     */
    public record Options(List<TopicFeatures.Config> configs, double[] lambdas, double[] boosts,
                          Set<String> boostSources, int folds, int maxIterations, long seed, int minDf, double unsureWeight,
                          int minPositives, boolean selectOnLoco, String version) {
        public static Options defaults() {
            List<TopicFeatures.Config> configs = new ArrayList<>();
            // Presence (logtf=false) lost to 1 + ln(tf) in every cell of the first full grid (docs/benchmarks.md).
            for (boolean logTf : new boolean[]{true}) {
                for (double norm : new double[]{0, 0.5, 1}) {
                    for (boolean bigrams : new boolean[]{true, false}) {
                        for (boolean positions : new boolean[]{true, false}) {
                            configs.add(new TopicFeatures.Config(logTf, norm, bigrams, positions));
                        }
                    }
                }
            }
            return new Options(configs, new double[]{3e-3, 1e-3}, new double[]{1}, Set.of(), 5, 200, 42, 2,
                    1.0, 5, true, "topics-lr-1");
        }
    }

    /** Counts for one label over some examples. */
    public record Counts(int tp, int fp, int fn) {
        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double f1() {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        public double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }
    }

    /** Cross-validated figures of one setting for one label: pooled, per fold, per source. */
    public record LabelCv(String label, Counts pooled, List<Counts> folds, Map<String, Counts> bySource,
                          double[] margins, double plattA, double plattB, double threshold) {
    }

    /** The result: the chosen setting, its cross-validation, leave-one-corpus-out figures, the grid and the model. */
    public record Result(Setting chosen, List<LabelCv> cv, Map<String, Map<String, Counts>> loco,
                         Map<String, Double> grid, LinearTopicModel model, int examples, Map<String, int[]> data) {
        public String render() {
            StringBuilder b = new StringBuilder();
            b.append("data (source: examples, positives per label):\n");
            data.forEach((src, c) -> b.append("  ").append(src).append(": ").append(c[0]).append(" examples\n"));
            b.append("grid (mean over labels of: the mean cross-validated F1 over sources with positives, averaged "
                    + "with the mean leave-one-corpus-out F1 when selecting on both), best first:\n");
            grid.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                    .forEach(e -> b.append(String.format(Locale.ROOT, "  %.3f  %s%n", e.getValue(), e.getKey())));
            b.append("chosen: ").append(chosen.describe()).append('\n');
            b.append(String.format(Locale.ROOT, "%d-fold cross-validation (folds stratified by source; each fold's "
                    + "threshold chosen on the other folds):%n", cv.isEmpty() ? 0 : cv.get(0).folds().size()));
            b.append(String.format(Locale.ROOT, "%-12s %-22s %6s %6s %6s %5s %5s %5s%n", "label", "data", "P", "R",
                    "F1", "tp", "fp", "fn"));
            for (LabelCv l : cv) {
                row(b, l.label(), "pooled", l.pooled());
                l.bySource().forEach((src, c) -> row(b, "", src, c));
                StringBuilder folds = new StringBuilder();
                for (Counts c : l.folds()) {
                    folds.append(String.format(Locale.ROOT, " %.3f", c.f1()));
                }
                b.append(String.format(Locale.ROOT, "%-12s %-22s%s%n", "", "F1 per fold", folds));
                b.append(String.format(Locale.ROOT, "%-12s %-22s threshold %.3f, Platt a=%.3f b=%.3f%n", "",
                        "final model", l.threshold(), l.plattA(), l.plattB()));
            }
            if (!loco.isEmpty()) {
                b.append("leave one corpus out (trained without the source, scored on it):\n");
                loco.forEach((src, byLabel) -> byLabel.forEach((label, c) -> row(b, label, "without " + src, c)));
            }
            return b.toString();
        }

        private static void row(StringBuilder b, String label, String data, Counts c) {
            b.append(String.format(Locale.ROOT, "%-12s %-22s %6.3f %6.3f %6.3f %5d %5d %5d%n", label, data,
                    c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn()));
        }
    }

    /** Weights below this (in absolute value) are set to 0 after training. */
    static final double PRUNE = 1e-3;

    private final TopicFeatures features;
    private final Options options;
    private final List<Example> examples;
    private final List<TopicFeatures.Vector> counts;
    private final List<String> labels;
    private final String[] sources;

    /**
     * Computes every example's features once (entities by {@code entities}); {@code labels} are the labels to
     * train, each needing {@link Options#minPositives} positive examples.
     */
    public TopicTrainer(TopicFeatures features, List<Example> examples, Function<Article, List<Entity>> entities,
                        List<String> labels, Options options) {
        this.features = features;
        this.options = options;
        this.examples = List.copyOf(examples);
        this.counts = new ArrayList<>(examples.size());
        for (Example e : examples) {
            counts.add(features.counts(e.article(), entities.apply(e.article())));
        }
        List<String> trainable = new ArrayList<>();
        for (String label : labels) {
            long pos = examples.stream().filter(e -> e.gold().contains(label)).count();
            if (pos >= options.minPositives()) {
                trainable.add(label);
            }
        }
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("no label has " + options.minPositives() + " positive examples "
                    + "or more among " + labels + ": nothing to train");
        }
        this.labels = List.copyOf(trainable);
        this.sources = examples.stream().map(Example::source).toArray(String[]::new);
    }

    public List<String> labels() {
        return labels;
    }

    /** The design matrix of one setting: rows of feature ids and values, ids shared by all rows. */
    private static final class Matrix {
        final int[][] idx;
        final float[][] val;
        final List<String> names;

        Matrix(List<TopicFeatures.Vector> rows, TopicFeatures.Config config) {
            Map<String, Integer> ids = new HashMap<>();
            names = new ArrayList<>();
            idx = new int[rows.size()][];
            val = new float[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                TopicFeatures.Vector v = TopicFeatures.transform(rows.get(r), config);
                idx[r] = new int[v.size()];
                val[r] = new float[v.size()];
                for (int i = 0; i < v.size(); i++) {
                    Integer id = ids.get(v.names()[i]);
                    if (id == null) {
                        id = names.size();
                        ids.put(v.names()[i], id);
                        names.add(v.names()[i]);
                    }
                    idx[r][i] = id;
                    val[r][i] = (float) v.values()[i];
                }
            }
        }

        int features() {
            return names.size();
        }
    }

    /** Runs the grid, cross-validates the best setting, adds leave-one-corpus-out figures and trains the model. */
    public Result run(java.io.PrintWriter progress) {
        Map<String, Double> grid = new LinkedHashMap<>();
        Setting best = null;
        double bestScore = -1;
        Map<TopicFeatures.Config, Matrix> matrices = new HashMap<>();
        int[] folds = folds(allRows(), options.folds());
        for (TopicFeatures.Config config : options.configs()) {
            Matrix m = new Matrix(counts, config);
            matrices.put(config, m);
            List<Setting> settings = new ArrayList<>();
            for (double lambda : options.lambdas()) {
                for (double boost : options.boosts()) {
                    settings.add(new Setting(config, lambda, boost));
                }
            }
            // Settings are independent: score them on every core, then take them in grid order (deterministic).
            double[][] perLabel = settings.parallelStream().map(s -> {
                Map<String, Map<String, Counts>> loco = options.selectOnLoco() ? leaveOneCorpusOut(m, s) : Map.of();
                double[] byLabel = new double[labels.size()];
                for (int k = 0; k < labels.size(); k++) {
                    String label = labels.get(k);
                    double within = selectionScore(crossValidate(m, s, label, allRows(), folds));
                    double across = loco.values().stream().filter(l -> l.containsKey(label))
                            .mapToDouble(l -> l.get(label).f1()).average().orElse(within);
                    byLabel[k] = (within + across) / 2;
                }
                return byLabel;
            }).toArray(double[][]::new);
            for (int i = 0; i < settings.size(); i++) {
                Setting s = settings.get(i);
                double score = Arrays.stream(perLabel[i]).average().orElse(0);
                grid.put(s.describe(), score);
                if (progress != null) {
                    StringBuilder labelScores = new StringBuilder();
                    for (int k = 0; k < labels.size(); k++) {
                        labelScores.append(String.format(Locale.ROOT, " %s %.3f", labels.get(k), perLabel[i][k]));
                    }
                    progress.printf(Locale.ROOT, "  %.3f  %s  (%s)%n", score, s.describe(), labelScores.toString()
                            .strip());
                    progress.flush();
                }
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = settings.get(i);
                }
            }
            matrices.keySet().retainAll(List.of(config, best.config()));
        }
        Matrix m = matrices.get(best.config());
        List<LabelCv> cv = new ArrayList<>();
        for (String label : labels) {
            cv.add(crossValidate(m, best, label, allRows(), folds));
        }
        Map<String, Map<String, Counts>> loco = leaveOneCorpusOut(m, best);

        // The final model: every example, Platt and threshold from the out-of-fold scores above.
        List<LinearTopicModel.LabelModel> lms = new ArrayList<>();
        Map<String, float[]> weights = new HashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            String label = labels.get(k);
            LabelCv c = cv.get(k);
            int[] rows = judgedRows(label, allRows());
            double[] w = train(m, rows, label, best);
            boolean[] kept = dfAtLeast(m, rows, options.minDf());
            for (int f = 0; f < m.features(); f++) {
                if (kept[f] && w[f] != 0) {
                    weights.computeIfAbsent(m.names.get(f), x -> new float[labels.size()])[k] = (float) w[f];
                }
            }
            lms.add(new LinearTopicModel.LabelModel(label, w[m.features()], c.plattA(), c.plattB(), c.threshold()));
        }
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("setting", best.describe());
        info.put("seed", options.seed());
        info.put("folds", options.folds());
        info.put("max_iterations", options.maxIterations());
        info.put("min_df", options.minDf());
        info.put("prune", PRUNE);
        info.put("unsure_weight", options.unsureWeight());
        info.put("select_on_loco", options.selectOnLoco());
        info.set("boost_sources", Json.MAPPER.valueToTree(new TreeSet<>(options.boostSources())));
        ObjectNode data = info.putObject("data");
        Map<String, int[]> dataCounts = new LinkedHashMap<>();
        for (int r = 0; r < examples.size(); r++) {
            dataCounts.computeIfAbsent(sources[r], x -> new int[1])[0]++;
        }
        dataCounts.forEach((src, c) -> data.put(src, c[0]));
        ArrayNode cvInfo = info.putArray("cv_f1");
        for (LabelCv c : cv) {
            cvInfo.addObject().put("label", c.label()).put("f1", Math.round(c.pooled().f1() * 1000) / 1000.0);
        }
        LinearTopicModel model = new LinearTopicModel(options.version(), best.config(), lms, weights, info);
        return new Result(best, cv, loco, grid, model, examples.size(), dataCounts);
    }

    /**
     * What the grid maximises for a label: the mean of its cross-validated F1 over the sources that have at least
     * {@link Options#minPositives} positives of it, so a small source from the domain that matters (web articles)
     * counts as much as a large wire archive. Pooled F1 when no source qualifies.
     */
    private double selectionScore(LabelCv cv) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<String, Counts> e : cv.bySource().entrySet()) {
            Counts c = e.getValue();
            if (c.tp() + c.fn() >= options.minPositives()) {
                sum += c.f1();
                n++;
            }
        }
        return n == 0 ? cv.pooled().f1() : sum / n;
    }

    private int[] allRows() {
        int[] rows = new int[examples.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private int[] judgedRows(String label, int[] among) {
        return Arrays.stream(among).filter(r -> examples.get(r).judged().contains(label)).toArray();
    }

    /**
     * Fold of each example: within each source, and within positives and negatives of it, examples are dealt to
     * the folds in a seeded order, so every fold holds a share of every source.
     */
    private int[] folds(int[] rows, int k) {
        int[] fold = new int[examples.size()];
        Arrays.fill(fold, -1);
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int r : rows) {
            Example e = examples.get(r);
            strata.computeIfAbsent(e.source() + "|" + new TreeSet<>(e.gold()), x -> new ArrayList<>()).add(r);
        }
        Random random = new Random(options.seed());
        int next = 0;
        for (List<Integer> stratum : strata.values()) {
            java.util.Collections.shuffle(stratum, random);
            for (int r : stratum) {
                fold[r] = next++ % k;
            }
        }
        return fold;
    }

    private LabelCv crossValidate(Matrix m, Setting s, String label, int[] rows, int[] fold) {
        int[] judged = judgedRows(label, rows);
        double[] margins = new double[examples.size()];
        Arrays.fill(margins, Double.NaN);
        int k = options.folds();
        for (int f = 0; f < k; f++) {
            final int held = f;
            int[] train = Arrays.stream(judged).filter(r -> fold[r] != held).toArray();
            int[] test = Arrays.stream(judged).filter(r -> fold[r] == held).toArray();
            if (test.length == 0) {
                continue;
            }
            double[] w = train(m, train, label, s);
            for (int r : test) {
                margins[r] = margin(m, r, w);
            }
        }
        // Each fold is judged at the threshold the other folds' out-of-fold scores choose.
        List<Counts> perFold = new ArrayList<>();
        Counts pooled = new Counts(0, 0, 0);
        Map<String, Counts> bySource = new LinkedHashMap<>();
        for (int f = 0; f < k; f++) {
            final int held = f;
            int[] others = Arrays.stream(judged).filter(r -> fold[r] != held && !Double.isNaN(margins[r])).toArray();
            int[] test = Arrays.stream(judged).filter(r -> fold[r] == held && !Double.isNaN(margins[r])).toArray();
            double[] platt = platt(others, margins, label);
            double t = bestThreshold(others, margins, label, platt);
            Counts c = new Counts(0, 0, 0);
            for (int r : test) {
                Counts one = count(r, label, prob(platt, margins[r]) >= t);
                c = c.plus(one);
                bySource.merge(sources[r], one, Counts::plus);
            }
            perFold.add(c);
            pooled = pooled.plus(c);
        }
        int[] all = Arrays.stream(judged).filter(r -> !Double.isNaN(margins[r])).toArray();
        double[] platt = platt(all, margins, label);
        double t = bestThreshold(all, margins, label, platt);
        return new LabelCv(label, pooled, perFold, bySource, margins, platt[0], platt[1], t);
    }

    /**
     * For each source that has {@link Options#minPositives} positives of a label, trains on every other source (Platt and threshold from an
     * inner cross-validation there) and scores the source left out.
     */
    private Map<String, Map<String, Counts>> leaveOneCorpusOut(Matrix m, Setting s) {
        Map<String, Map<String, Counts>> out = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>(Arrays.asList(sources));
        if (all.size() < 2) {
            return out;
        }
        for (String src : all) {
            for (String label : labels) {
                int[] inSource = judgedRows(label, Arrays.stream(allRows()).filter(r -> sources[r].equals(src))
                        .toArray());
                int[] rest = judgedRows(label, Arrays.stream(allRows()).filter(r -> !sources[r].equals(src))
                        .toArray());
                // A source with a handful of positives gives an F1 of 0, 0.5 or 1 by chance: no figure.
                boolean hasPositives = Arrays.stream(inSource).filter(r -> examples.get(r).gold().contains(label))
                        .count() >= options.minPositives();
                long restPositives = Arrays.stream(rest).filter(r -> examples.get(r).gold().contains(label)).count();
                if (!hasPositives || restPositives < options.minPositives()) {
                    continue;
                }
                LabelCv inner = crossValidate(m, s, label, rest, folds(rest, options.folds()));
                double[] w = train(m, rest, label, s);
                double[] platt = {inner.plattA(), inner.plattB()};
                Counts c = new Counts(0, 0, 0);
                for (int r : inSource) {
                    c = c.plus(count(r, label, prob(platt, margin(m, r, w)) >= inner.threshold()));
                }
                out.computeIfAbsent(src, x -> new LinkedHashMap<>()).put(label, c);
            }
        }
        return out;
    }

    private Counts count(int r, String label, boolean predicted) {
        boolean gold = examples.get(r).gold().contains(label);
        return new Counts(predicted && gold ? 1 : 0, predicted && !gold ? 1 : 0, !predicted && gold ? 1 : 0);
    }

    private static double prob(double[] platt, double margin) {
        return 1.0 / (1.0 + Math.exp(-(platt[0] * margin + platt[1])));
    }

    private static double margin(Matrix m, int r, double[] w) {
        double s = w[w.length - 1];
        int[] idx = m.idx[r];
        float[] val = m.val[r];
        for (int i = 0; i < idx.length; i++) {
            s += w[idx[i]] * val[i];
        }
        return s;
    }

    private static boolean[] dfAtLeast(Matrix m, int[] rows, int minDf) {
        int[] df = new int[m.features()];
        for (int r : rows) {
            for (int id : m.idx[r]) {
                df[id]++;
            }
        }
        boolean[] ok = new boolean[m.features()];
        for (int f = 0; f < ok.length; f++) {
            ok[f] = df[f] >= minDf;
        }
        return ok;
    }

    /**
     * Minimises the L2-regularised log loss, {@code mean_i(w_i log(1 + exp(-y_i m_i))) + lambda/2 |w|^2} (bias not
     * regularised), with L-BFGS and a backtracking line search: a deterministic optimum, so results do not hang on
     * a learning-rate schedule. Features seen in fewer than minDf training rows stay 0. The last element is the bias.
     */
    double[] train(Matrix m, int[] rows, String label, Setting s) {
        int n = m.features();
        boolean[] usable = dfAtLeast(m, rows, options.minDf());
        double[] sw = new double[rows.length];
        double[] y = new double[rows.length];
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            Example e = examples.get(rows[i]);
            y[i] = e.gold().contains(label) ? 1 : -1;
            sw[i] = (e.unsure() ? options.unsureWeight() : 1)
                    * (options.boostSources().contains(e.source()) ? s.boost() : 1);
            total += sw[i];
        }
        for (int i = 0; i < rows.length; i++) {
            sw[i] /= total;
        }
        Objective f = new Objective(m, rows, y, sw, usable, s.lambda());
        double[] w = Lbfgs.minimise(f, new double[n + 1], options.maxIterations());
        // Weights this small move no score (half the features of the first model): dropping them here, where the
        // cross-validation sees it, keeps the shipped model small and its look-ups fast.
        for (int i = 0; i < n; i++) {
            if (Math.abs(w[i]) < PRUNE) {
                w[i] = 0;
            }
        }
        return w;
    }

    /** The loss and its gradient over some rows of a matrix. */
    private static final class Objective implements Lbfgs.Function {
        private final Matrix m;
        private final int[] rows;
        private final double[] y;
        private final double[] sw;
        private final boolean[] usable;
        private final double lambda;

        Objective(Matrix m, int[] rows, double[] y, double[] sw, boolean[] usable, double lambda) {
            this.m = m;
            this.rows = rows;
            this.y = y;
            this.sw = sw;
            this.usable = usable;
            this.lambda = lambda;
        }

        @Override
        public double valueAndGradient(double[] w, double[] grad) {
            int n = w.length - 1;
            double loss = 0;
            for (int f = 0; f < n; f++) {
                grad[f] = usable[f] ? lambda * w[f] : 0;
                if (usable[f]) {
                    loss += 0.5 * lambda * w[f] * w[f];
                }
            }
            grad[n] = 0;
            for (int i = 0; i < rows.length; i++) {
                int[] idx = m.idx[rows[i]];
                float[] val = m.val[rows[i]];
                double z = w[n];
                for (int q = 0; q < idx.length; q++) {
                    if (usable[idx[q]]) {
                        z += w[idx[q]] * val[q];
                    }
                }
                double yz = y[i] * z;
                loss += sw[i] * (yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz)));
                double g = -y[i] * sw[i] / (1 + Math.exp(yz));
                for (int q = 0; q < idx.length; q++) {
                    if (usable[idx[q]]) {
                        grad[idx[q]] += g * val[q];
                    }
                }
                grad[n] += g;
            }
            return loss;
        }
    }

    /**
     * Platt scaling: a, b of p = 1 / (1 + exp(-(a m + b))) on smoothed targets (Platt 1999), by Newton's method with
     * a step that must lower the loss, so separable data with huge margins cannot make it diverge.
     */
    private double[] platt(int[] rows, double[] margins, String label) {
        int pos = 0;
        for (int r : rows) {
            if (examples.get(r).gold().contains(label)) {
                pos++;
            }
        }
        int neg = rows.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[rows.length];
        double[] m = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = examples.get(rows[i]).gold().contains(label) ? hi : lo;
            m[i] = margins[rows[i]];
        }
        double a = 1;
        double b = 0;
        double loss = plattLoss(a, b, m, t);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < m.length; i++) {
                double p = sigmoid(a * m[i] + b);
                double d = p - t[i];
                ga += d * m[i];
                gb += d;
                double v = Math.max(p * (1 - p), 1e-12);
                haa += v * m[i] * m[i];
                hab += v * m[i];
                hbb += v;
            }
            double det = haa * hbb - hab * hab;
            if (!(Math.abs(det) > 1e-18)) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1;
            boolean moved = false;
            for (int k = 0; k < 40; k++, step /= 2) {
                double na = a - step * da;
                double nb = b - step * db;
                double nl = plattLoss(na, nb, m, t);
                if (nl < loss) {
                    a = na;
                    b = nb;
                    moved = loss - nl > 1e-12;
                    loss = nl;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        return Double.isFinite(a) && Double.isFinite(b) ? new double[]{a, b} : new double[]{1, 0};
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double plattLoss(double a, double b, double[] m, double[] t) {
        double loss = 0;
        for (int i = 0; i < m.length; i++) {
            double z = a * m[i] + b;
            // -t log p - (1 - t) log (1 - p), written stably in z
            double logP = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
            double log1mP = z >= 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
            loss -= t[i] * logP + (1 - t[i]) * log1mP;
        }
        return loss;
    }

    /** The probability threshold with the best F1 on these rows, halfway between two scores; in [0.05, 0.95]. */
    private double bestThreshold(int[] rows, double[] margins, String label, double[] platt) {
        Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> -prob(platt, margins[r])));
        int total = 0;
        for (int r : rows) {
            if (examples.get(r).gold().contains(label)) {
                total++;
            }
        }
        int tp = 0;
        double bestF1 = -1;
        double best = 0.5;
        for (int i = 0; i < order.length; i++) {
            if (examples.get(order[i]).gold().contains(label)) {
                tp++;
            }
            double p = prob(platt, margins[order[i]]);
            double nextP = i + 1 < order.length ? prob(platt, margins[order[i + 1]]) : 0;
            if (i + 1 < order.length && nextP == p) {
                continue;
            }
            double f1 = 2.0 * tp / (i + 1 + total);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = (p + nextP) / 2;
            }
        }
        return Math.max(0.05, Math.min(0.95, best));
    }

    /** The features this trainer computes with, for tools that score with the model afterwards. */
    public TopicFeatures features() {
        return features;
    }
}
