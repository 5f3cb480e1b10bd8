package io.newsflow.enrich.ner;

import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Document-level canonicalisation: a short mention ("Maduro", "Padrino López", "Assembly") joins the one longer name
 * of the article it ends with, an acronym joins the one name it abbreviates, and known names take the gazetteer's
 * canonical form, country and Wikidata id. A person or organisation right after a country's possessive or a
 * nationality word ("Venezuela's National Assembly", "Russian President Vladimir Putin") is tied to that
 * country. One entity per canonical name and type: a short mention takes the type of its full name, and a name
 * the tagger gave two types in one article (the city "Seattle", the team "Seattle") is two entities.
 */
public final class Canonicalizer {
    private final KnownEntities known;

    public Canonicalizer(KnownEntities known) {
        this.known = known;
    }

    /** A tagged span: tokens [start, end) of {@code text}, type index 0 PER, 1 ORG, 2 LOC, 3 MISC. */
    public static final class Found {
        final TextField field;
        final TokenizedText text;
        final int start;
        final int end;
        int type;
        final String surface;
        final String[] folded;
        KnownEntities.Entry entry;
        Found target;
        String country;

        public Found(TextField field, TokenizedText text, int start, int end, int type) {
            this.field = field;
            this.text = text;
            this.start = start;
            this.end = end;
            this.type = type;
            this.surface = text.text().substring(text.start(start), text.end(end - 1));
            this.folded = new String[end - start];
            for (int k = start; k < end; k++) {
                folded[k - start] = KnownEntities.fold(text.word(k));
            }
        }

        int length() {
            return end - start;
        }

        Found root() {
            Found f = this;
            while (f.target != null) {
                f = f.target;
            }
            return f;
        }
    }

    public List<Entity> resolve(List<Found> found) {
        for (Found f : found) {
            KnownEntities.Entry e = known.lookup(f.surface);
            if (e != null && KnownEntities.typeIndex(e.type()) == f.type) {
                f.entry = e;
            }
        }
        for (Found f : found) {
            f.country = contextCountry(f, found);
        }
        Index index = new Index(found);
        Map<String, Found> resolved = new java.util.HashMap<>();
        for (Found f : found) {
            if (f.entry != null && f.length() > 1) {
                continue;
            }
            // Mentions with the same words, type and entry resolve alike: look each shape up once.
            String shape = f.type + "|" + (f.entry == null ? "" : f.entry.canonical()) + "|" + f.surface + "|"
                    + String.join(" ", f.folded);
            Found longer = resolved.computeIfAbsent(shape, k -> uniqueLongerOrSelf(f, index));
            if (longer != f) {
                f.target = longer;
            }
        }
        return group(found);
    }

    /**
     * The document's longer names, indexed by each proper suffix of their words and (organisations) by their
     * initials, so a short mention finds its candidates without scanning every mention: linear in the text, not
     * quadratic, even for an article made of 100,000 names.
     */
    private static final class Index {
        final Map<String, List<Found>> bySuffix = new java.util.HashMap<>();
        final Map<String, List<Found>> byInitials = new java.util.HashMap<>();

        Index(List<Found> found) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Found g : found) {
                if (g.length() < 2 || !seen.add(g.type + "|" + (g.entry == null ? "" : g.entry.canonical()) + "|"
                        + g.surface)) {
                    continue;
                }
                for (int k = 1; k < g.length(); k++) {
                    String suffix = String.join(" ", java.util.Arrays.copyOfRange(g.folded, k, g.folded.length));
                    bySuffix.computeIfAbsent(suffix, x -> new ArrayList<>()).add(g);
                }
                if (g.type == 1) {
                    byInitials.computeIfAbsent(initials(g), x -> new ArrayList<>()).add(g);
                }
            }
        }
    }

    private Found uniqueLongerOrSelf(Found f, Index index) {
        Found longer = uniqueLonger(f, index);
        return longer == null ? f : longer;
    }

    /** The single longer name (in words) of the document whose last words are this mention's, or its acronym. */
    private Found uniqueLonger(Found f, Index index) {
        Found match = null;
        String matchKey = null;
        boolean acronym = f.length() == 1 && Features.allCaps(f.surface) && f.surface.length() >= 2
                && f.surface.length() <= 6 && f.entry == null;
        List<Found> candidates = new ArrayList<>(index.bySuffix.getOrDefault(String.join(" ", f.folded), List.of()));
        if (acronym) {
            candidates.addAll(index.byInitials.getOrDefault(f.surface, List.of()));
        }
        for (Found g : candidates) {
            if (g.length() <= f.length() || g == f) {
                continue;
            }
            boolean suffix = endsWith(g.folded, f.folded) && compatible(f, g);
            boolean initials = acronym && g.type == 1 && f.type == 1 && initials(g).equals(f.surface);
            if (!suffix && !initials) {
                continue;
            }
            String key = g.entry != null ? g.entry.canonical() : String.join(" ", g.folded);
            if (match != null && !key.equals(matchKey)) {
                return null; // two different full names end this way: leave the short mention alone
            }
            if (match == null || g.length() > match.length()) {
                match = g;
                matchKey = key;
            }
        }
        return match;
    }

    /** Person surnames join people whatever the tagger called them; other types join only their own type. */
    private static boolean compatible(Found shortOne, Found longOne) {
        if (longOne.type == 0) {
            return shortOne.type == 0 || (shortOne.entry == null && shortOne.type != 2);
        }
        return shortOne.type == longOne.type && shortOne.type != 3;
    }

    private static boolean endsWith(String[] longer, String[] shorter) {
        int off = longer.length - shorter.length;
        for (int k = 0; k < shorter.length; k++) {
            if (!longer[off + k].equals(shorter[k])) {
                return false;
            }
        }
        return true;
    }

    private static String initials(Found g) {
        StringBuilder sb = new StringBuilder();
        for (int k = g.start; k < g.end; k++) {
            String w = g.text.word(k);
            if (Character.isUpperCase(w.charAt(0))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    /** "Venezuela's X" and "Venezuelan [President] X" tie a person or organisation X to Venezuela. */
    private String contextCountry(Found f, List<Found> found) {
        if (f.type != 0 && f.type != 1) {
            return null;
        }
        TokenizedText t = f.text;
        int i = f.start - 1;
        if (i >= 1 && t.word(i).length() == 2 && t.word(i).charAt(0) != 's' && t.word(i).endsWith("s")) {
            KnownEntities.Entry e = known.lookup(t.word(i - 1));
            return e != null && e.type() == EntityType.LOCATION ? e.country() : null;
        }
        // Up to three title words ("Defense Minister", "President") between the nationality word and the name.
        for (int k = 0; k < 3 && i >= 0; k++, i--) {
            KnownEntities.Entry e = known.lookup(t.word(i));
            if (e != null && e.type() == EntityType.MISC && e.country() != null) {
                return e.country();
            }
            if (!Character.isLetter(t.word(i).charAt(0))) {
                return null;
            }
        }
        return null;
    }

    private List<Entity> group(List<Found> found) {
        Map<String, List<Found>> groups = new LinkedHashMap<>();
        List<Found> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing((Found f) -> f.field).thenComparingInt(f -> f.text.start(f.start)));
        for (Found f : ordered) {
            Found root = f.root();
            // A short mention takes its full name's type; one name with two types (the city "Seattle" and the
            // team "Seattle") is two entities.
            f.type = root.type;
            groups.computeIfAbsent(canonical(root) + "|" + root.type, k -> new ArrayList<>()).add(f);
        }
        List<Entity> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<Found>> g : groups.entrySet()) {
            KnownEntities.Entry entry = null;
            String country = null;
            List<Mention> mentions = new ArrayList<>(g.getValue().size());
            for (Found f : g.getValue()) {
                Found root = f.root();
                entry = entry != null ? entry : root.entry != null ? root.entry : f.entry;
                country = country != null ? country : f.country;
                mentions.add(new Mention(f.field, f.text.start(f.start), f.text.end(f.end - 1)));
            }
            int type = g.getValue().get(0).type;
            String name = g.getKey().substring(0, g.getKey().lastIndexOf('|'));
            if (entry != null && entry.country() != null) {
                country = entry.country();
            }
            out.add(new Entity(name, KnownEntities.entityType(type), mentions, country,
                    entry == null ? null : entry.wikidata()));
        }
        return out;
    }

    /** The gazetteer's name when known; else the surface with single spaces, headline capitals softened. */
    private static String canonical(Found f) {
        if (f.entry != null) {
            return f.entry.canonical();
        }
        StringBuilder sb = new StringBuilder();
        for (int k = f.start; k < f.end; k++) {
            String w = f.text.word(k);
            if (k > f.start && f.text.start(k) > f.text.end(k - 1)) {
                sb.append(' ');
            }
            if (f.length() > 1 && w.length() > 3 && Features.allCaps(w)) {
                w = w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
            }
            sb.append(w);
        }
        return sb.toString();
    }

}
