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
 * Document-level canonicalisation: titles come off names ({@link Titles}); a short mention ("Maduro", "Padrino López",
 * a first name, "Assembly") joins the one longer name of the article it ends or starts with, an acronym joins the one
 * name it abbreviates, and known names take the gazetteer's canonical form, country and Wikidata id. A person or
 * organisation right after a country's possessive or a nationality word ("Venezuela's National Assembly", "Russian
 * President Vladimir Putin") is tied to that country. One entity per name and type, whatever its spelling variant
 * or casing, named after its best-cased mention: a short mention takes the type of its full name, and a name the
 * tagger gave two types in one article (the city "Seattle", the team "Seattle") is two entities.
 */
public final class Canonicalizer {
    private final KnownEntities known;
    private final Titles titles;

    public Canonicalizer(KnownEntities known) {
        this(known, Titles.loadDefault());
    }

    public Canonicalizer(KnownEntities known, Titles titles) {
        this.known = known;
        this.titles = titles;
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

    public List<Entity> resolve(List<Found> tagged) {
        List<Found> found = titles.separate(tagged, known);
        for (Found f : found) {
            KnownEntities.Entry e = known.lookup(f.surface);
            if (e != null && KnownEntities.typeIndex(e.type()) == f.type) {
                f.entry = e;
            } else if (e != null && KnownEntities.typeIndex(e.type()) == 0 && f.length() == 1) {
                // A known person's surname on its own ("Trump", "Obama") is that person in news copy, whatever
                // the tagger typed it; a longer span ("Trump Tower") keeps its own type.
                f.type = 0;
                f.entry = e;
            }
        }
        for (Found f : found) {
            f.country = contextCountry(f, found);
            if (f.entry == null && f.type != 1 && isOutlet(f)) {
                f.type = 1;
            }
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
        final Map<String, List<Found>> byFirstName = new java.util.HashMap<>();

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
                if (g.type == 0) {
                    byFirstName.computeIfAbsent(g.folded[0], x -> new ArrayList<>()).add(g);
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
        // A lone first name ("Brett") is the one person of the article called so ("Brett Kavanaugh").
        boolean firstName = f.length() == 1 && f.entry == null && (f.type == 0 || f.type == 3 || f.type == 1);
        if (firstName) {
            candidates.addAll(index.byFirstName.getOrDefault(f.folded[0], List.of()));
        }
        for (Found g : candidates) {
            if (g.length() <= f.length() || g == f) {
                continue;
            }
            boolean suffix = (endsWith(g.folded, f.folded) || firstName && g.type == 0 && g.folded[0].equals(
                    f.folded[0])) && compatible(f, g);
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
            // An unknown single word typed a place is still the surname the article gave a person ("McCabe").
            return shortOne.type == 0 || shortOne.entry == null && (shortOne.type != 2 || shortOne.length() == 1);
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
            // team "Seattle") is two entities. Spellings and casings of one name ("Organisation", "ORGANIZATION")
            // are one entity.
            f.type = root.type;
            String key = root.entry != null ? "=" + root.entry.canonical() : variantKey(root.folded);
            groups.computeIfAbsent(key + "|" + root.type, k -> new ArrayList<>()).add(f);
        }
        List<Entity> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<Found>> g : groups.entrySet()) {
            KnownEntities.Entry entry = null;
            String country = null;
            Found best = null;
            List<Mention> mentions = new ArrayList<>(g.getValue().size());
            for (Found f : g.getValue()) {
                Found root = f.root();
                entry = entry != null ? entry : root.entry != null ? root.entry : f.entry;
                country = country != null ? country : f.country;
                if (best == null || casingScore(root) > casingScore(best)) {
                    best = root;
                }
                mentions.add(new Mention(f.field, f.text.start(f.start), f.text.end(f.end - 1)));
            }
            int type = g.getValue().get(0).type;
            String name = canonical(best);
            if (entry != null && entry.country() != null) {
                country = entry.country();
            }
            out.add(new Entity(name, KnownEntities.entityType(type), mentions, country,
                    entry == null ? null : entry.wikidata()));
        }
        return out;
    }

    /** Last words of newspapers and broadcasters, which the tagger reads as places ("the Guardian"). */
    private static final java.util.Set<String> OUTLET_WORDS = java.util.Set.of("times", "post", "journal",
            "guardian", "tribune", "herald", "gazette", "telegraph", "observer", "chronicle", "reporter", "inquirer",
            "examiner", "courier", "bugle", "beacon", "dispatch", "caller", "intercept");
    /** Web platforms, never places or people. */
    private static final java.util.Set<String> PLATFORMS = java.util.Set.of("facebook", "twitter", "youtube",
            "instagram", "google", "reddit", "tiktok", "whatsapp", "linkedin", "wikipedia", "wikileaks", "amazon",
            "microsoft", "snapchat", "telegram");

    private static boolean isOutlet(Found f) {
        String last = f.folded[f.folded.length - 1];
        if (f.length() == 1) {
            return PLATFORMS.contains(last) || last.equals("guardian") && f.type != 0;
        }
        return f.type != 0 && OUTLET_WORDS.contains(last);
    }

    /** Written as a reader writes it: mixed case beats shouting, and shouting beats lower case. */
    private static int casingScore(Found f) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < f.surface.length(); i++) {
            char c = f.surface.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return upper && lower ? 2 : upper ? 1 : 0;
    }

    /** British and American spellings fold together: "organisation" and "organization", "defence" and "defense". */
    static String variantKey(String[] folded) {
        StringBuilder sb = new StringBuilder();
        for (String w : folded) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (w.length() > 6 && w.endsWith("isation")) {
                w = w.substring(0, w.length() - 7) + "ization";
            } else if (w.length() > 5 && (w.endsWith("ise") || w.endsWith("ised") || w.endsWith("ising"))) {
                w = w.replaceFirst("is(e|ed|ing)$", "iz$1");
            } else if (w.endsWith("ence") && (w.equals("defence") || w.equals("offence") || w.equals("licence"))) {
                w = w.substring(0, w.length() - 3) + "nse";
            } else if (w.endsWith("centre") || w.endsWith("theatre")) {
                w = w.substring(0, w.length() - 2) + "er";
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /** Short all-caps words that are words, not acronyms: "NEW Mexico" is New Mexico, "NATO" stays NATO. */
    private static final java.util.Set<String> SHOUTED_WORDS = java.util.Set.of("new", "the", "of", "and", "for",
            "old", "big", "red", "top", "war", "law", "west", "east", "city", "park", "bay", "san", "los", "las",
            "del", "de", "la", "el", "le", "du", "des", "von", "van", "saint", "fort", "lake", "port", "north", "south",
            "high", "day", "one", "two", "free", "army", "navy", "air", "base", "club", "team", "news", "post");
    private static final java.util.Set<String> LOWER_INSIDE = java.util.Set.of("of", "the", "and", "for", "de",
            "del", "la", "du", "des", "von", "van", "on", "in", "at", "to");
    private static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("X{0,3}(IX|IV|V?I{0,3})");

    /**
     * The gazetteer's name when known; else the surface with single spaces and shouted words softened ("NEW
     * YORK" New York), keeping roman numerals ("Henry VIII"), dotted acronyms ("U.S.") and short acronyms.
     */
    private static String canonical(Found f) {
        if (f.entry != null) {
            return f.entry.canonical();
        }
        boolean shouted = true;
        for (int k = f.start; k < f.end; k++) {
            String w = f.text.word(k);
            shouted &= !Features.hasLetter(w) || Features.allCaps(w);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = f.start; k < f.end; k++) {
            String w = f.text.word(k);
            if (k > f.start && f.text.start(k) > f.text.end(k - 1)) {
                sb.append(' ');
            }
            sb.append(recase(w, k == f.start, f.length() > 1, shouted));
        }
        return sb.toString();
    }

    private static String recase(String w, boolean first, boolean multi, boolean shouted) {
        if (!Features.allCaps(w) || !multi) {
            if (!Features.allCaps(w) && w.length() > 2 && ROMAN.matcher(w.toUpperCase(Locale.ROOT)).matches()
                    && Character.isUpperCase(w.charAt(0)) && !first) {
                return w.toUpperCase(Locale.ROOT); // "Xiii" from a source that softened it
            }
            return w;
        }
        if (ROMAN.matcher(w).matches() || w.indexOf('.') >= 0) {
            return w;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (!first && shouted && LOWER_INSIDE.contains(lower)) {
            return lower;
        }
        if (SHOUTED_WORDS.contains(lower) || w.length() > 4 || shouted && w.length() > 3) {
            StringBuilder sb = new StringBuilder(lower);
            for (int i = 0; i < sb.length(); i++) {
                if (i == 0 || !Character.isLetter(sb.charAt(i - 1)) && sb.charAt(i - 1) != '\'' && sb.charAt(i - 1)
                        != '\u2019') {
                    sb.setCharAt(i, Character.toUpperCase(sb.charAt(i)));
                }
            }
            return sb.toString();
        }
        return w;
    }

}
