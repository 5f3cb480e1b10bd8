package io.newsflow.enrich.topics;

import io.newsflow.enrich.topics.TextIndex.Word;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EvidenceSpan;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.TopicScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores an article against every label of a {@link Taxonomy}: weighted phrases over inflected forms, weighed by
 * position (title, caption, lead) with diminishing returns for repeats, entity cues, negative cues that cancel
 * the phrases they overlap, normalised by length, plus a bonus per paragraph that is about the label; then a
 * logistic calibration to [0,1]. Pure and deterministic.
 */
public final class TaxonomyTopicClassifier implements TopicClassifier {
    /** A taxonomy phrase compiled to stems; {@code prefix} ends in '*', {@code exact} starts with '='. */
    record Phrase(String canonical, String[] parts, boolean exact, boolean prefix, double weight) {
        boolean matchesAt(List<Word> words, int i) {
            if (i + parts.length > words.size()) {
                return false;
            }
            for (int k = 0; k < parts.length; k++) {
                Word w = words.get(i + k);
                boolean last = k == parts.length - 1;
                boolean ok = prefix && last ? w.lower().startsWith(parts[k])
                        : exact ? w.lower().equals(parts[k]) : w.stem().equals(parts[k]);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        String key() {
            return prefix && parts.length == 1 ? "*" : parts[0];
        }
    }

    /** One occurrence of a phrase or entity with what it added (before length normalisation). */
    record Hit(String evidence, TextField field, int start, int end, int paragraph, double position, double weight) {
    }

    private record CompiledLabel(Taxonomy.Label label, Map<String, List<Phrase>> terms,
                                 Map<String, List<Phrase>> negatives) {
    }

    private final Taxonomy taxonomy;
    private final List<CompiledLabel> labels = new ArrayList<>();
    /** Every label's phrases (list 2k: terms of label k, 2k+1: its negative cues) by first part: one look-up a word. */
    private final Map<String, List<Tagged>> combined = new HashMap<>();

    /** A phrase and the hit list it feeds. */
    private record Tagged(int list, Phrase phrase) {
    }

    public TaxonomyTopicClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (Taxonomy.Label l : taxonomy.labels()) {
            CompiledLabel c = new CompiledLabel(l, compile(l.terms()), compile(l.negativeCues()));
            int k = labels.size();
            c.terms().forEach((key, ps) -> ps.forEach(ph -> combined.computeIfAbsent(key, x -> new ArrayList<>())
                    .add(new Tagged(2 * k, ph))));
            c.negatives().forEach((key, ps) -> ps.forEach(ph -> combined.computeIfAbsent(key, x -> new ArrayList<>())
                    .add(new Tagged(2 * k + 1, ph))));
            labels.add(c);
            for (Taxonomy.EntityCue cue : l.entityCues()) {
                paddedCues.put(cue, cue.names().stream().map(TaxonomyTopicClassifier::padded).toList());
            }
        }
    }

    /** The taxonomy shipped with newsflow. */
    public static TaxonomyTopicClassifier loadDefault() {
        return new TaxonomyTopicClassifier(Taxonomy.loadDefault());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    private static Map<String, List<Phrase>> compile(Map<String, Double> phrases) {
        Map<String, List<Phrase>> out = new HashMap<>();
        for (Map.Entry<String, Double> e : phrases.entrySet()) {
            String text = e.getKey();
            boolean exact = text.startsWith("=");
            boolean prefix = text.endsWith("*");
            String body = text.substring(exact ? 1 : 0, text.length() - (prefix ? 1 : 0)).strip();
            List<String> parts = new ArrayList<>();
            for (String p : body.split("[\\s-]+")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            String[] arr = new String[parts.size()];
            for (int i = 0; i < arr.length; i++) {
                boolean last = i == arr.length - 1;
                arr[i] = exact || (prefix && last) ? parts.get(i) : TextIndex.stem(parts.get(i));
            }
            Phrase ph = new Phrase(body, arr, exact, prefix, e.getValue());
            out.computeIfAbsent(ph.key(), k -> new ArrayList<>()).add(ph);
        }
        return out;
    }

    @Override
    public String version() {
        return taxonomy.version();
    }

    @Override
    public List<String> labels() {
        return taxonomy.labelIds();
    }

    @Override
    public Result classify(Article article, List<Entity> entities) {
        TextIndex index = new TextIndex(article);
        List<TopicScore> topics = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        Work shared = new Work();
        List<List<Hit>> found = findAll(index, shared);
        for (int k = 0; k < labels.size(); k++) {
            CompiledLabel c = labels.get(k);
            TopicScore t = score(c.label(), explain(c, index, entities, found.get(2 * k), found.get(2 * k + 1),
                    k == 0 ? shared.steps : 0));
            topics.add(t);
            if (t.score() >= c.label().threshold()) {
                assigned.add(c.label().id());
            }
        }
        return new Result(topics, assigned);
    }

    /** The label's calibrated score from its explanation; assigned when it reaches the label's threshold. */
    static TopicScore score(Taxonomy.Label label, Explained e) {
        return new TopicScore(label.id(), round(label.calibration().apply(e.raw())), e.evidence(), e.spans(),
                label.iptc(), TopicScore.TERMS);
    }

    /** The raw score and its parts, for the evaluation tools and tests. */
    public record Explained(double raw, double terms, double entities, double negatives, int paragraphs,
                            double lengthFactor, List<String> evidence, List<EvidenceSpan> spans, long work) {
    }

    /** Counts the elementary steps of one scoring (matches tried, comparisons, look-ups): tests check it is linear. */
    static final class Work {
        long steps;

        <T> Comparator<T> counting(Comparator<T> c) {
            return (a, b) -> {
                steps++;
                return c.compare(a, b);
            };
        }
    }

    /** The raw (uncalibrated) score of every label, by label id. */
    public Map<String, Explained> explain(Article article, List<Entity> entities) {
        return explain(new TextIndex(article), entities);
    }

    Map<String, Explained> explain(TextIndex index, List<Entity> entities) {
        Map<String, Explained> out = new LinkedHashMap<>();
        Work shared = new Work();
        List<List<Hit>> found = findAll(index, shared);
        for (int k = 0; k < labels.size(); k++) {
            CompiledLabel c = labels.get(k);
            // the shared matching pass is counted once, with the first label
            out.put(c.label().id(), explain(c, index, entities, found.get(2 * k), found.get(2 * k + 1),
                    k == 0 ? shared.steps : 0));
        }
        return out;
    }

    /** One pass over the words for every label's terms and negative cues: list 2k is label k's terms, 2k+1 its cues. */
    private List<List<Hit>> findAll(TextIndex index, Work work) {
        Taxonomy.Scoring s = taxonomy.scoring();
        List<List<Hit>> out = new ArrayList<>();
        for (int i = 0; i < 2 * labels.size(); i++) {
            out.add(new ArrayList<>());
        }
        List<Tagged> prefixes = combined.getOrDefault("*", List.of());
        for (List<Word> words : index.fields) {
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                addTagged(combined.get(w.stem()), words, i, s, out, work);
                if (!w.stem().equals(w.lower())) {
                    addTagged(combined.get(w.lower()), words, i, s, out, work);
                }
                addTagged(prefixes, words, i, s, out, work);
            }
        }
        return out;
    }

    private static void addTagged(List<Tagged> candidates, List<Word> words, int i, Taxonomy.Scoring s,
                                  List<List<Hit>> out, Work work) {
        work.steps++;
        if (candidates == null) {
            return;
        }
        for (Tagged t : candidates) {
            Phrase p = t.phrase();
            work.steps += p.parts().length;
            if (p.matchesAt(words, i)) {
                Word first = words.get(i);
                Word last = words.get(i + p.parts().length - 1);
                out.get(t.list()).add(new Hit(p.canonical(), first.field(), first.start(), last.end(),
                        first.paragraph(), position(first, s), p.weight()));
            }
        }
    }

    private Explained explain(CompiledLabel c, TextIndex index, List<Entity> entities, List<Hit> termHits,
                              List<Hit> negativeHits, long matchingWork) {
        Taxonomy.Scoring s = taxonomy.scoring();
        Work work = new Work();
        work.steps = matchingWork;
        List<Hit> positives = longestOnly(termHits, work);
        List<Hit> negatives = negativeHits;
        removeOverlapped(positives, negatives, work);

        List<Hit> weighted = new ArrayList<>();
        double terms = decayed(positives, s, weighted, 1, work);
        double neg = decayed(negatives, s, weighted, -1, work);
        double ents = entityCues(c.label(), entities, index, s, weighted, work);

        Map<Integer, Double> perParagraph = new HashMap<>();
        for (Hit h : weighted) {
            if (h.paragraph() >= 0) {
                perParagraph.merge(h.paragraph(), h.weight() / h.position(), Double::sum);
            }
        }
        int supporting = (int) perParagraph.values().stream().filter(v -> v >= s.paragraphMin()).count();
        double lengthFactor = Math.pow(Math.max(1.0, index.wordCount / (double) s.lengthRefWords()),
                s.lengthExponent());
        double raw = Math.max(0, terms + ents - neg) / lengthFactor
                + s.paragraphBonus() * Math.min(supporting, s.paragraphCap());

        weighted.sort(work.counting(Comparator.comparingDouble((Hit h) -> -h.weight())
                .thenComparing(h -> h.field().ordinal()).thenComparingInt(Hit::start)));
        Map<String, Double> byPhrase = new LinkedHashMap<>();
        for (Hit h : weighted) {
            if (h.weight() > 0) {
                byPhrase.merge(h.evidence(), h.weight(), Double::sum);
            }
        }
        List<String> evidence = byPhrase.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(s.evidenceMax()).map(Map.Entry::getKey).toList();
        List<EvidenceSpan> spans = new ArrayList<>();
        weighted.stream().filter(h -> h.weight() > 0).limit(s.evidenceMax()).forEach(h -> spans.add(span(h, index)));
        weighted.stream().filter(h -> h.weight() < 0).limit(2).forEach(h -> spans.add(span(h, index)));
        work.steps += weighted.size() + byPhrase.size();
        return new Explained(raw, terms, ents, neg, supporting, lengthFactor, evidence, spans, work.steps);
    }

    private static EvidenceSpan span(Hit h, TextIndex index) {
        return new EvidenceSpan(index.text(h.field()).substring(h.start(), h.end()), h.field(), h.start(), h.end(),
                round(h.weight()));
    }

    private static double position(Word w, Taxonomy.Scoring s) {
        return switch (w.field()) {
            case TITLE -> s.titleWeight();
            case CAPTION -> s.captionWeight();
            case BODY -> w.bodyIndex() < s.leadWords() ? s.leadWeight() : 1.0;
        };
    }

    /**
     * "natural gas" and "gas" at the same place count once, as the longer phrase (of one span, the heaviest).
     * Sorted by start, then longest first, a hit is inside an earlier one exactly when an earlier hit reaches as
     * far: one pass after the sort, so 1 MB of repeated terms stays n log n.
     */
    static List<Hit> longestOnly(List<Hit> hits, Work work) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(work.counting(Comparator.comparingInt((Hit h) -> h.field().ordinal()).thenComparingInt(Hit::start)
                .thenComparingInt(h -> -h.end()).thenComparingDouble(h -> -h.weight())));
        work.steps += sorted.size();
        List<Hit> out = new ArrayList<>();
        TextField field = null;
        int reach = -1;
        for (Hit h : sorted) {
            if (h.field() != field) {
                field = h.field();
                reach = -1;
            }
            if (h.end() > reach) {
                out.add(h);
                reach = h.end();
            }
        }
        return out;
    }

    /** Drops the positives that a negative cue overlaps: merged negative intervals, one binary search a hit. */
    static void removeOverlapped(List<Hit> positives, List<Hit> negatives, Work work) {
        if (negatives.isEmpty()) {
            return;
        }
        Map<TextField, List<int[]>> merged = new HashMap<>();
        List<Hit> sorted = new ArrayList<>(negatives);
        sorted.sort(work.counting(Comparator.comparingInt((Hit h) -> h.field().ordinal()).thenComparingInt(Hit::start)));
        for (Hit n : sorted) {
            List<int[]> list = merged.computeIfAbsent(n.field(), f -> new ArrayList<>());
            int[] last = list.isEmpty() ? null : list.get(list.size() - 1);
            if (last != null && n.start() < last[1]) {
                last[1] = Math.max(last[1], n.end());
            } else {
                list.add(new int[]{n.start(), n.end()});
            }
        }
        positives.removeIf(p -> {
            List<int[]> list = merged.get(p.field());
            if (list == null) {
                return false;
            }
            int lo = 0;
            int hi = list.size();
            while (lo < hi) { // the first interval that ends after p starts
                work.steps++;
                int mid = (lo + hi) >>> 1;
                if (list.get(mid)[1] > p.start()) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo < list.size() && list.get(lo)[0] < p.end();
        });
    }

    /**
     * The k-th occurrence of a phrase adds {@code weight * position / k^decay}: the best-placed occurrences count
     * first, and a word repeated twenty times is not twenty times the evidence.
     */
    private static double decayed(List<Hit> hits, Taxonomy.Scoring s, List<Hit> out, int sign, Work work) {
        Map<String, List<Hit>> byPhrase = new LinkedHashMap<>();
        for (Hit h : hits) {
            byPhrase.computeIfAbsent(h.evidence(), k -> new ArrayList<>()).add(h);
        }
        double sum = 0;
        for (List<Hit> group : byPhrase.values()) {
            group.sort(work.counting(Comparator.comparingDouble((Hit h) -> -h.position())
                    .thenComparing(h -> h.field().ordinal()).thenComparingInt(Hit::start)));
            work.steps += group.size();
            for (int k = 0; k < group.size(); k++) {
                Hit h = group.get(k);
                double c = h.weight() * h.position() / Math.pow(k + 1, s.repeatDecay());
                sum += c;
                out.add(new Hit(h.evidence(), h.field(), h.start(), h.end(), h.paragraph(), h.position(), sign * c));
            }
        }
        return sum;
    }

    private double entityCues(Taxonomy.Label label, List<Entity> entities, TextIndex index,
                                     Taxonomy.Scoring s, List<Hit> out, Work work) {
        work.steps += (long) entities.size() * (label.entityCues().size() + 1);
        double sum = 0;
        Set<Entity> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<Entity, String> paddedNames = new java.util.IdentityHashMap<>();
        for (Taxonomy.EntityCue cue : label.entityCues()) {
            if (cue.minDistinct() != null) {
                List<Entity> ofType = entities.stream().filter(e -> e.type() == cue.type() && !e.mentions().isEmpty())
                        .toList();
                if (ofType.size() >= cue.minDistinct()) {
                    double c = cue.weight() * Math.min(2.0, 1 + Math.log(ofType.size() / (double) cue.minDistinct()));
                    sum += c;
                    List<Entity> shown = ofType.stream().limit(cue.minDistinct()).toList();
                    for (Entity e : shown) {
                        out.add(hit(e, index, s, c / shown.size()));
                    }
                }
                continue;
            }
            for (Entity e : entities) {
                if (e.mentions().isEmpty() || used.contains(e) || (cue.type() != null && e.type() != cue.type())
                        || !paddedMatches(paddedNames.computeIfAbsent(e, x -> padded(x.name())), cue)) {
                    continue;
                }
                used.add(e);
                Hit best = hit(e, index, s, 0);
                double c = cue.weight() * best.position()
                        * Math.min(2.0, 1 + Math.log(e.mentions().size()) / 2);
                sum += c;
                out.add(hit(e, index, s, c));
            }
        }
        return sum;
    }

    private static Hit hit(Entity e, TextIndex index, Taxonomy.Scoring s, double weight) {
        Mention best = e.mentions().stream().min(Comparator.comparingInt((Mention m) -> m.field().ordinal())
                .thenComparingInt(Mention::start)).orElseThrow();
        double position = switch (best.field()) {
            case TITLE -> s.titleWeight();
            case CAPTION -> s.captionWeight();
            case BODY -> index.bodyWordIndexAt(best.start()) < s.leadWords() ? s.leadWeight() : 1.0;
        };
        return new Hit(e.name(), best.field(), best.start(), best.end(), index.paragraphAt(best), position, weight);
    }

    private final Map<Taxonomy.EntityCue, List<String>> paddedCues = new java.util.IdentityHashMap<>();

    private boolean paddedMatches(String paddedName, Taxonomy.EntityCue cue) {
        for (String c : paddedCues.get(cue)) {
            if (paddedName.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern NOT_NAME = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}+]+");

    /** " ministry of defence " for "Ministry of Defence": words in lower case between single spaces. */
    static String padded(String name) {
        return " " + NOT_NAME.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
