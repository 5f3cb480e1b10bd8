package io.newsflow.enrich.topics;

import io.newsflow.enrich.topics.TextIndex.Word;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.EvidenceSpan;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an article into the sparse features the learned topic model reads, each with the place in the text it came
 * from so a score can be explained. Words and bigrams (stemmed as the taxonomy matches them), where they sit (title,
 * lead), the taxonomy's own evidence per label, and entity counts. One pass over the words: linear in the article.
 */
public final class TopicFeatures {
    /**
     * How term counts become values, chosen by cross-validation and stored with the model so that scoring reads
     * an article exactly as training did.
     *
     * @param logTf   {@code 1 + ln(tf)} instead of presence (1)
     * @param norm    divide the word and bigram block by its Euclidean length to this power: 0 leaves long
     *                articles their extra evidence, 1 makes every article's block unit length, 0.5 is between
     *                (the dense cue and entity features are left alone)
     * @param bigrams add adjacent-word pairs
     * @param positions add title and lead copies of each word
     */
    public record Config(boolean logTf, double norm, boolean bigrams, boolean positions) {
        public static final Config DEFAULT = new Config(true, 0.5, true, true);

        public Config {
            if (!(norm >= 0 && norm <= 1)) {
                throw new IllegalArgumentException("norm must be in [0,1]: " + norm);
            }
        }

        public String encode() {
            return "logtf=" + logTf + ",norm=" + norm + ",bigrams=" + bigrams + ",positions=" + positions;
        }

        public static Config decode(String s) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String part : s.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("bad feature config part '" + part + "' in '" + s + "'");
                }
                m.put(kv[0].strip(), kv[1].strip());
            }
            for (String k : List.of("logtf", "norm", "bigrams", "positions")) {
                if (!m.containsKey(k)) {
                    throw new IllegalArgumentException("feature config '" + s + "' lacks '" + k + "'");
                }
            }
            try {
                return new Config(bool(m.get("logtf")), Double.parseDouble(m.get("norm")), bool(m.get("bigrams")),
                        bool(m.get("positions")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("feature config '" + s + "': norm is not a number", e);
            }
        }

        private static boolean bool(String v) {
            if (!(v.equals("true") || v.equals("false"))) {
                throw new IllegalArgumentException("'" + v + "' is not true or false");
            }
            return v.equals("true");
        }
    }

    /** Where a feature first occurs in the text, and the text to show for it; {@code field} null for none. */
    public record Anchor(String text, TextField field, int start, int end) {
    }

    /**
     * An article's features: parallel arrays of names and values, plus anchors. {@code spans} holds, per feature
     * that came from the taxonomy scorer, its own evidence spans, so that such a feature's weight can be shared
     * out over the phrases behind it.
     */
    public record Vector(String[] names, double[] values, Anchor[] anchors, Map<String, List<EvidenceSpan>> spans,
                         Map<String, TaxonomyTopicClassifier.Explained> explained, long work) {
        public int size() {
            return names.length;
        }
    }

    /** Feature name prefixes, stable across model versions. */
    static final String WORD = "w:";
    static final String BIGRAM = "b:";
    static final String TITLE = "t:";
    static final String LEAD = "l:";
    static final String CUE = "cue:";
    static final String ENTITY = "ent:";

    private static final int LEAD_WORDS = 60;

    private static final Set<String> STOP = Set.of(("a about above after again against all also am an and any are "
            + "as at be because been before being below between both but by can could did do does doing down during "
            + "each few for from further had has have having he her here hers herself him himself his how i if in into "
            + "is it its itself just me more most my myself no nor not now of off on once only or other our ours "
            + "ourselves out over own said same say says she should so some such than that the their theirs them "
            + "themselves then there these they this those through to too under until up very was we were what when "
            + "where which while who whom why will with would you your yours yourself yourselves mr mrs ms one two "
            + "new year years told s t").split(" "));

    private final Taxonomy taxonomy;
    private final TaxonomyTopicClassifier cues;

    public TopicFeatures(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.cues = new TaxonomyTopicClassifier(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * Every feature the article has, before a {@link Config} is applied: term features hold their raw counts,
     * the dense cue and entity features their values. Training computes this once per article and tries each
     * configuration on it with {@link #transform}.
     */
    public Vector counts(Article article, List<Entity> entities) {
        TextIndex index = new TextIndex(article);
        Map<String, Count> counts = new LinkedHashMap<>();
        long work = 0;
        for (List<Word> words : index.fields) {
            Word prev = null;
            for (Word w : words) {
                work++;
                if (!usable(w.lower())) {
                    prev = null;
                    continue;
                }
                String stem = w.stem();
                add(counts, WORD + stem, w, w);
                if (w.field() == TextField.TITLE) {
                    add(counts, TITLE + stem, w, w);
                } else if (w.field() == TextField.BODY && w.bodyIndex() < LEAD_WORDS) {
                    add(counts, LEAD + stem, w, w);
                }
                if (prev != null && adjacent(index.text(w.field()), prev, w)) {
                    add(counts, BIGRAM + prev.stem() + "_" + stem, prev, w);
                }
                prev = w;
            }
        }
        List<String> names = new ArrayList<>(counts.size() + 32);
        List<Double> values = new ArrayList<>(counts.size() + 32);
        List<Anchor> anchorList = new ArrayList<>(counts.size() + 32);
        for (Map.Entry<String, Count> e : counts.entrySet()) {
            Count c = e.getValue();
            names.add(e.getKey());
            values.add((double) c.n);
            anchorList.add(new Anchor(index.text(c.first.field()).substring(c.first.start(), c.last.end()),
                    c.first.field(), c.first.start(), c.last.end()));
        }

        // The taxonomy's evidence per label, without its length normalisation: what the domain knowledge says.
        Map<String, List<EvidenceSpan>> spans = new LinkedHashMap<>();
        Map<String, TaxonomyTopicClassifier.Explained> explained = cues.explain(index, entities);
        for (Map.Entry<String, TaxonomyTopicClassifier.Explained> e : explained.entrySet()) {
            TaxonomyTopicClassifier.Explained x = e.getValue();
            work += x.work();
            String p = CUE + e.getKey() + ":";
            List<EvidenceSpan> pos = x.spans().stream().filter(s -> s.weight() > 0).toList();
            List<EvidenceSpan> neg = x.spans().stream().filter(s -> s.weight() < 0).toList();
            dense(names, values, anchorList, spans, p + "terms", Math.log1p(x.terms()), pos);
            dense(names, values, anchorList, spans, p + "entities", Math.log1p(x.entities()), pos);
            dense(names, values, anchorList, spans, p + "negatives", Math.log1p(x.negatives()), neg);
            dense(names, values, anchorList, spans, p + "paragraphs", Math.min(x.paragraphs(), 4) / 4.0, pos);
        }

        // Entity counts: how many distinct places, and countries among them, an article is about.
        Set<String> places = new HashSet<>();
        Set<String> countries = new HashSet<>();
        Anchor firstPlace = null;
        Anchor firstCountry = null;
        for (Entity en : entities) {
            work++;
            if (en.type() != EntityType.LOCATION || en.mentions().isEmpty()) {
                continue;
            }
            Anchor a = anchor(article, en.mentions().get(0));
            if (places.add(en.name().toLowerCase(Locale.ROOT)) && firstPlace == null) {
                firstPlace = a;
            }
            if (en.country() != null && countries.add(en.country()) && firstCountry == null) {
                firstCountry = a;
            }
        }
        dense(names, values, anchorList, null, ENTITY + "places", Math.log1p(places.size()), null);
        anchorList.set(anchorList.size() - 1, firstPlace);
        dense(names, values, anchorList, null, ENTITY + "countries", Math.log1p(countries.size()), null);
        anchorList.set(anchorList.size() - 1, firstCountry);
        dense(names, values, anchorList, null, ENTITY + "multi_country", countries.size() >= 2 ? 1 : 0, null);
        anchorList.set(anchorList.size() - 1, firstCountry);

        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new Vector(names.toArray(String[]::new), v, anchorList.toArray(Anchor[]::new), spans,
                explained, work);
    }

    /** Whether a feature is a term count (word, bigram, title or lead word) that a {@link Config} transforms. */
    public static boolean isTerm(String name) {
        return name.startsWith(WORD) || name.startsWith(BIGRAM) || name.startsWith(TITLE) || name.startsWith(LEAD);
    }

    /** Applies {@code config} to {@link #counts}: drops the kinds it leaves out, weighs term counts, normalises. */
    public static Vector transform(Vector counts, Config config) {
        int n = counts.size();
        String[] names = new String[n];
        double[] values = new double[n];
        Anchor[] anchors = new Anchor[n];
        int k = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            String name = counts.names()[i];
            double v = counts.values()[i];
            if (isTerm(name)) {
                if ((!config.bigrams() && name.startsWith(BIGRAM))
                        || (!config.positions() && (name.startsWith(TITLE) || name.startsWith(LEAD)))) {
                    continue;
                }
                v = config.logTf() ? 1 + Math.log(v) : 1;
                norm += v * v;
            }
            names[k] = name;
            values[k] = v;
            anchors[k] = counts.anchors()[i];
            k++;
        }
        if (config.norm() > 0 && norm > 0) {
            double len = Math.pow(Math.sqrt(norm), config.norm());
            for (int i = 0; i < k; i++) {
                if (isTerm(names[i])) {
                    values[i] /= len;
                }
            }
        }
        return new Vector(java.util.Arrays.copyOf(names, k), java.util.Arrays.copyOf(values, k),
                java.util.Arrays.copyOf(anchors, k), counts.spans(), counts.explained(), counts.work() + n);
    }

    private static void dense(List<String> names, List<Double> values, List<Anchor> anchors,
                              Map<String, List<EvidenceSpan>> spans, String name, double value,
                              List<EvidenceSpan> behind) {
        names.add(name);
        values.add(value);
        EvidenceSpan first = behind == null || behind.isEmpty() ? null : behind.get(0);
        anchors.add(first == null ? null : new Anchor(first.text(), first.field(), first.start(), first.end()));
        if (spans != null && behind != null && !behind.isEmpty()) {
            spans.put(name, behind);
        }
    }

    private static Anchor anchor(Article article, Mention m) {
        String text = article.field(m.field());
        return new Anchor(text.substring(m.start(), m.end()), m.field(), m.start(), m.end());
    }

    /** How often a feature occurs, and the words of its first occurrence (the anchor is cut only once). */
    private static final class Count {
        final Word first;
        final Word last;
        int n = 1;

        Count(Word first, Word last) {
            this.first = first;
            this.last = last;
        }
    }

    private static void add(Map<String, Count> counts, String name, Word first, Word last) {
        Count c = counts.get(name);
        if (c == null) {
            counts.put(name, new Count(first, last));
        } else {
            c.n++;
        }
    }

    /** Words worth a feature: no stop words, no numbers, nothing of one letter. */
    static boolean usable(String lower) {
        if (lower.length() < 2 || STOP.contains(lower)) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isDigit(lower.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Two words form a bigram only when nothing but spaces or a hyphen stands between them. */
    private static boolean adjacent(String text, Word a, Word b) {
        if (a.field() != b.field() || b.start() - a.end() > 3) {
            return false;
        }
        for (int i = a.end(); i < b.start(); i++) {
            char c = text.charAt(i);
            if (!(c == ' ' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
