package io.newsflow.tools.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Precision, recall and F1 per label of a classifier against hand-labelled JSON Lines: {@code {id, title, body,
 * labels: [...]}} judges every label of the taxonomy; {@code {id, title, body, <label>: true|false}} judges that
 * label only. Macro-F1 is the mean F1 over the judged labels.
 */
public final class TopicEvaluation {
    /**
     * One labelled article: {@code gold} holds the judged labels that apply, {@code judged} those that were judged;
     * {@code unsure} marks a borderline call (training may weigh it less); {@code source} names the file it came
     * from, for per-source figures.
     */
    public record Example(Article article, Set<String> gold, Set<String> judged, boolean unsure, String source) {
    }

    /** Counts for one label. */
    public record LabelCounts(String label, int tp, int fp, int fn, int support) {
        public double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The whole evaluation. */
    public record Report(int articles, List<LabelCounts> perLabel, double seconds) {
        /** The mean F1 over the labels that occur in the gold labels or the predictions (F1 is undefined elsewhere). */
        public double macroF1() {
            return scored().stream().mapToDouble(LabelCounts::f1).average().orElse(0);
        }

        List<LabelCounts> scored() {
            return perLabel.stream().filter(c -> c.tp() + c.fp() + c.fn() > 0).toList();
        }

        public String render() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-12s %6s %6s %6s %5s %5s %5s %7s%n", "label", "P", "R", "F1",
                    "tp", "fp", "fn", "support"));
            for (LabelCounts c : perLabel) {
                if (c.tp() + c.fp() + c.fn() == 0) {
                    b.append(String.format(Locale.ROOT, "%-12s %6s %6s %6s %5d %5d %5d %7d  (no gold, none predicted)%n",
                            c.label(), "n/a", "n/a", "n/a", 0, 0, 0, 0));
                    continue;
                }
                b.append(String.format(Locale.ROOT, "%-12s %6.3f %6.3f %6.3f %5d %5d %5d %7d%n", c.label(),
                        c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn(), c.support()));
            }
            b.append(String.format(Locale.ROOT, "macro-F1 %.3f over %d label(s), %d articles, %.0f articles/s%n",
                    macroF1(), scored().size(), articles, seconds > 0 ? articles / seconds : 0));
            return b.toString();
        }
    }

    private TopicEvaluation() {
    }

    /** Reads the file; a line that breaks the format fails with the file and line number. */
    public static List<Example> read(Path file, List<String> taxonomyLabels) throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(example(Json.MAPPER.readTree(line), taxonomyLabels, source(file)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** A file's name without its extension: "semeval-dev" for ../semeval-dev.jsonl. */
    public static String source(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static Example example(JsonNode node, List<String> taxonomyLabels, String source) {
        String id = text(node, "id", true);
        String title = text(node, "title", false);
        String body = text(node, "body", false);
        Article a = new Article(Article.SCHEMA_VERSION, id, "eval", null, title == null ? "" : title,
                body == null ? "" : body, null, null, Instant.EPOCH, "en");
        Set<String> gold = new LinkedHashSet<>();
        Set<String> judged = new LinkedHashSet<>();
        if (node.has("labels")) {
            if (!node.get("labels").isArray()) {
                throw new IllegalArgumentException("'labels' must be an array of strings");
            }
            node.get("labels").forEach(l -> gold.add(l.asText()));
            judged.addAll(taxonomyLabels);
        } else {
            for (String label : taxonomyLabels) {
                JsonNode v = node.get(label);
                if (v != null && v.isBoolean()) {
                    judged.add(label);
                    if (v.booleanValue()) {
                        gold.add(label);
                    }
                }
            }
            if (judged.isEmpty()) {
                throw new IllegalArgumentException("no 'labels' array and no boolean field named after a label of "
                        + "the taxonomy " + taxonomyLabels);
            }
        }
        JsonNode unsure = node.get("unsure");
        return new Example(a, gold, judged, unsure != null && unsure.asBoolean(false), source);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing '" + field + "'");
            }
            return null;
        }
        return v.asText();
    }

    /**
     * Classifies every example and counts; when {@code predictions} is not null, writes {@code {id, labels, topics}}
     * per line to it, in input order.
     */
    public static Report evaluate(List<Example> examples, Function<Article, List<Entity>> extractor,
                                  TopicClassifier classifier, Writer predictions) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String label : classifier.labels()) {
            counts.put(label, new int[4]);
        }
        long t0 = System.nanoTime();
        for (Example ex : examples) {
            TopicClassifier.Result r = classifier.classify(ex.article(), extractor.apply(ex.article()));
            for (String label : ex.judged()) {
                int[] c = counts.get(label);
                if (c == null) {
                    continue;
                }
                boolean predicted = r.labels().contains(label);
                boolean gold = ex.gold().contains(label);
                c[predicted && gold ? 0 : predicted ? 1 : gold ? 2 : 3]++;
            }
            if (predictions != null) {
                ObjectNode line = Json.MAPPER.createObjectNode();
                line.put("id", ex.article().id());
                line.set("labels", Json.MAPPER.valueToTree(r.labels()));
                line.set("topics", Json.MAPPER.valueToTree(r.topics()));
                predictions.write(Json.MAPPER.writeValueAsString(line));
                predictions.write('\n');
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Set<String> judgedAnywhere = new LinkedHashSet<>();
        examples.forEach(e -> judgedAnywhere.addAll(e.judged()));
        List<LabelCounts> per = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (judgedAnywhere.contains(e.getKey())) {
                int[] c = e.getValue();
                per.add(new LabelCounts(e.getKey(), c[0], c[1], c[2], c[0] + c[2]));
            }
        }
        return new Report(examples.size(), per, seconds);
    }
}
