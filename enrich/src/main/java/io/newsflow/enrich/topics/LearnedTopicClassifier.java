package io.newsflow.enrich.topics;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EvidenceSpan;
import io.newsflow.events.TopicScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores every label of the taxonomy with the first trained model that has it, and a label no model covers with
 * the taxonomy's weighted terms; each topic entry says which ({@code model}). Evidence is the features that moved
 * the score most, either way, mapped back to where they stand in the text. Pure, deterministic, linear in the
 * article.
 */
public final class LearnedTopicClassifier implements TopicClassifier {
    private final Taxonomy taxonomy;
    private final List<LinearTopicModel> models;
    private final TopicFeatures features;
    private final LinearTopicModel[] modelOf;
    private final int[] modelIndex;

    /** {@code model} may be null: every label then falls back to the term scorer. */
    public LearnedTopicClassifier(Taxonomy taxonomy, LinearTopicModel model) {
        this(taxonomy, model == null ? List.of() : List.of(model));
    }

    /** Each label is scored by the first of {@code models} that has it (a user's own models before the shipped). */
    public LearnedTopicClassifier(Taxonomy taxonomy, List<LinearTopicModel> models) {
        this.taxonomy = taxonomy;
        this.models = List.copyOf(models);
        this.features = new TopicFeatures(taxonomy);
        this.modelOf = new LinearTopicModel[taxonomy.labels().size()];
        this.modelIndex = new int[taxonomy.labels().size()];
        for (int i = 0; i < modelIndex.length; i++) {
            modelIndex[i] = -1;
            for (LinearTopicModel m : this.models) {
                int k = m.indexOf(taxonomy.labels().get(i).id());
                if (k >= 0) {
                    modelOf[i] = m;
                    modelIndex[i] = k;
                    break;
                }
            }
        }
    }

    /** The shipped taxonomy and model. */
    public static LearnedTopicClassifier loadDefault() {
        return new LearnedTopicClassifier(Taxonomy.loadDefault(), LinearTopicModel.loadDefault());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The first model (the user's, else the shipped one), or null when there is none. */
    public LinearTopicModel model() {
        return models.isEmpty() ? null : models.get(0);
    }

    /** Whether {@code label} is scored by a trained model (else by the taxonomy's terms). */
    public boolean learned(String label) {
        int i = taxonomy.labelIds().indexOf(label);
        return i >= 0 && modelIndex[i] >= 0;
    }

    @Override
    public String version() {
        StringBuilder b = new StringBuilder(taxonomy.version());
        for (LinearTopicModel m : models) {
            if (java.util.Arrays.asList(modelOf).contains(m)) {
                b.append('+').append(m.version());
            }
        }
        return b.toString();
    }

    @Override
    public List<String> labels() {
        return taxonomy.labelIds();
    }

    @Override
    public Result classify(Article article, List<Entity> entities) {
        return classify(features.counts(article, entities));
    }

    /** The work a classification did (words, matches, comparisons): linear in the article, which a test checks. */
    public long work(Article article, List<Entity> entities) {
        TopicFeatures.Vector counts = features.counts(article, entities);
        long work = counts.work();
        for (LinearTopicModel m : models) {
            work += TopicFeatures.transform(counts, m.config()).work();
        }
        return work;
    }

    Result classify(TopicFeatures.Vector counts) {
        List<TopicScore> topics = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        int evidenceMax = taxonomy.scoring().evidenceMax();
        Map<LinearTopicModel, Scored> scored = new java.util.IdentityHashMap<>();
        for (int li = 0; li < modelIndex.length; li++) {
            Taxonomy.Label label = taxonomy.labels().get(li);
            TopicScore t;
            double threshold;
            if (modelIndex[li] < 0) {
                t = TaxonomyTopicClassifier.score(label, counts.explained().get(label.id()));
                threshold = label.threshold();
            } else {
                LinearTopicModel model = modelOf[li];
                LinearTopicModel.LabelModel lm = model.labels().get(modelIndex[li]);
                Scored s = scored.computeIfAbsent(model, m -> score(m, TopicFeatures.transform(counts, m.config())));
                t = learned(label, lm, modelIndex[li], s, evidenceMax);
                threshold = label.learnedThreshold() != null ? label.learnedThreshold() : lm.threshold();
            }
            topics.add(t);
            if (t.score() >= threshold) {
                assigned.add(label.id());
            }
        }
        return new Result(topics, assigned);
    }

    /** One article under one model: the features it knows, with their weights for every label, in one look-up. */
    private record Scored(TopicFeatures.Vector v, int[] known, float[][] weights) {
    }

    private static Scored score(LinearTopicModel model, TopicFeatures.Vector v) {
        int[] known = new int[v.size()];
        float[][] weights = new float[v.size()][];
        int n = 0;
        for (int i = 0; i < v.size(); i++) {
            float[] w = model.weights(v.names()[i]);
            if (w != null && v.values()[i] != 0) {
                known[n] = i;
                weights[n] = w;
                n++;
            }
        }
        return new Scored(v, java.util.Arrays.copyOf(known, n), java.util.Arrays.copyOf(weights, n));
    }

    /** One feature's share of a margin, for explanations. */
    private record Contribution(int feature, double value) {
    }

    private static TopicScore learned(Taxonomy.Label label, LinearTopicModel.LabelModel lm, int k, Scored s,
                                      int evidenceMax) {
        TopicFeatures.Vector v = s.v();
        double margin = lm.bias();
        List<Contribution> parts = new ArrayList<>();
        for (int j = 0; j < s.known().length; j++) {
            int i = s.known()[j];
            double c = s.weights()[j][k] * v.values()[i];
            margin += c;
            if (v.anchors()[i] != null && c != 0) {
                parts.add(new Contribution(i, c));
            }
        }
        double p = Math.round(lm.probability(margin) * 10000) / 10000.0;

        List<EvidenceSpan> spans = new ArrayList<>();
        Map<String, Double> phrases = new LinkedHashMap<>();
        parts.sort(Comparator.comparingDouble((Contribution c) -> -c.value()).thenComparingInt(Contribution::feature));
        int positives = 0;
        for (Contribution c : parts) {
            if (c.value() <= 0 || positives >= evidenceMax) {
                break;
            }
            positives += addSpans(v, c, spans, phrases);
        }
        int negatives = 0;
        for (int i = parts.size() - 1; i >= 0 && negatives < 2; i--) {
            Contribution c = parts.get(i);
            if (c.value() >= 0) {
                break;
            }
            negatives += addSpans(v, c, spans, phrases);
        }
        List<String> evidence = phrases.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(evidenceMax).map(Map.Entry::getKey).toList();
        return new TopicScore(label.id(), p, evidence, spans, label.iptc(), TopicScore.LEARNED);
    }

    /**
     * The spans behind one contribution: a word or bigram stands where it first occurs; a taxonomy cue feature is
     * shared over the phrases that made it, by their weight.
     */
    private static int addSpans(TopicFeatures.Vector v, Contribution c, List<EvidenceSpan> spans,
                                Map<String, Double> phrases) {
        String name = v.names()[c.feature()];
        List<EvidenceSpan> behind = v.spans().get(name);
        double w = round(c.value());
        if (behind == null || behind.isEmpty()) {
            TopicFeatures.Anchor a = v.anchors()[c.feature()];
            if (w == 0 || a.field() == null) {
                return 0;
            }
            spans.add(new EvidenceSpan(a.text(), a.field(), a.start(), a.end(), w));
            phrases.merge(a.text().toLowerCase(Locale.ROOT), c.value(), Double::sum);
            return 1;
        }
        double total = behind.stream().mapToDouble(s -> Math.abs(s.weight())).sum();
        int added = 0;
        for (EvidenceSpan s : behind.subList(0, Math.min(3, behind.size()))) {
            double share = total == 0 ? c.value() / behind.size() : c.value() * Math.abs(s.weight()) / total;
            if (round(share) == 0) {
                continue;
            }
            spans.add(new EvidenceSpan(s.text(), s.field(), s.start(), s.end(), round(share)));
            phrases.merge(s.text().toLowerCase(Locale.ROOT), share, Double::sum);
            added++;
        }
        return added;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
