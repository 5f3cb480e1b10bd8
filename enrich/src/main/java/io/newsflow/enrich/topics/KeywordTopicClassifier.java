package io.newsflow.enrich.topics;

import io.newsflow.enrich.entities.Token;
import io.newsflow.enrich.entities.Tokenizer;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EventValidation;
import io.newsflow.events.TopicScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline classifier: weighted words and phrases per label (plural forms included), counted in title, caption
 * and body with the title weighing double, squashed to [0,1] by {@code 1 - exp(-sum / scale)}. A label is assigned
 * when its score reaches the label's threshold. Evidence lists the phrases that added most.
 */
public final class KeywordTopicClassifier implements TopicClassifier {
    private static final double TITLE_WEIGHT = 2.0;

    private record Term(String[] words, String phrase, double weight) {
    }

    private final Map<String, List<Term>> termsByLabel = new LinkedHashMap<>();
    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private final Map<String, Double> scales = new LinkedHashMap<>();

    /** Loads {@code topics/keywords.tsv} from the classpath. */
    public static KeywordTopicClassifier loadDefault() {
        try (InputStream in = KeywordTopicClassifier.class.getClassLoader()
                .getResourceAsStream("topics/keywords.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource topics/keywords.tsv missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "topics/keywords.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines: {@code label<TAB>threshold<TAB>T<TAB>scale} declares a label; {@code label<TAB>weight<TAB>phrase} adds a
     * term. {@code #} starts a comment.
     */
    static KeywordTopicClassifier parse(BufferedReader reader, String name) throws IOException {
        KeywordTopicClassifier c = new KeywordTopicClassifier();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String where = name + ":" + number + ": ";
            if (cols.length < 3) {
                throw new IllegalArgumentException(where + "expected label<TAB>weight<TAB>phrase");
            }
            String label = EventValidation.requireLabel(cols[0].strip());
            if (cols[1].equals("threshold")) {
                double threshold = Double.parseDouble(cols[2]);
                if (threshold <= 0 || threshold >= 1) {
                    throw new IllegalArgumentException(where + "threshold must be in (0,1)");
                }
                c.thresholds.put(label, threshold);
                c.scales.put(label, cols.length > 3 ? Double.parseDouble(cols[3]) : 4.0);
                c.termsByLabel.putIfAbsent(label, new ArrayList<>());
            } else {
                if (!c.thresholds.containsKey(label)) {
                    throw new IllegalArgumentException(where + "label '" + label + "' used before its threshold line");
                }
                String phrase = cols[2].strip().toLowerCase(Locale.ROOT);
                String[] words = Tokenizer.tokenize(phrase).stream().map(Token::text).toArray(String[]::new);
                c.termsByLabel.get(label).add(new Term(words, phrase, Double.parseDouble(cols[1])));
            }
        }
        return c;
    }

    @Override
    public String version() {
        return "keywords-1";
    }

    @Override
    public List<String> labels() {
        return List.copyOf(termsByLabel.keySet());
    }

    @Override
    public Result classify(Article article, List<Entity> entities) {
        List<String> title = words(article.title());
        List<String> rest = words((article.caption() == null ? "" : article.caption() + "\n") + article.body());
        List<TopicScore> topics = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, List<Term>> e : termsByLabel.entrySet()) {
            Map<String, Double> contributions = new LinkedHashMap<>();
            double sum = 0;
            for (Term term : e.getValue()) {
                double c = term.weight() * (TITLE_WEIGHT * count(title, term.words()) + count(rest, term.words()));
                if (c > 0) {
                    contributions.merge(term.phrase(), c, Double::sum);
                    sum += c;
                }
            }
            String label = e.getKey();
            double score = round(1 - Math.exp(-sum / scales.get(label)));
            List<String> evidence = contributions.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).map(Map.Entry::getKey).toList();
            topics.add(new TopicScore(label, score, evidence));
            if (score >= thresholds.get(label)) {
                labels.add(label);
            }
        }
        return new Result(topics, labels);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.isWord()) {
                out.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static int count(List<String> words, String[] phrase) {
        int n = 0;
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            boolean all = true;
            for (int k = 0; k < phrase.length && all; k++) {
                all = inflectionOf(words.get(i + k), phrase[k]);
            }
            if (all) {
                n++;
            }
        }
        return n;
    }

    /** "warships" matches "warship", "policies" matches "policy": plural forms only, no stemming. */
    static boolean inflectionOf(String word, String term) {
        if (word.equals(term)) {
            return true;
        }
        if (!word.startsWith(term.length() > 1 && term.endsWith("y") ? term.substring(0, term.length() - 1) : term)) {
            return false;
        }
        return word.equals(term + "s") || word.equals(term + "es")
                || (term.endsWith("y") && word.equals(term.substring(0, term.length() - 1) + "ies"));
    }
}
