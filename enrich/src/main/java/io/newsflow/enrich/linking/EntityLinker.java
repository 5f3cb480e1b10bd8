package io.newsflow.enrich.linking;

import io.newsflow.enrich.linking.KbEntry.Kind;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links an article's people, organisations and places to {@link KnowledgeBase} entries: candidates by name, scored
 * by prior weight (population, a capital, a country's standing) and by the article's own context (the container
 * written after a place, "Jonesboro, Georgia"; the countries the article's other places lie in; an office title
 * before a person). A wrong link is worse than none: when the best two candidates are close it links nothing, or
 * only the country they share. Pure logic on plain values; the enricher calls it after canonicalisation.
 */
public final class EntityLinker {
    /** Part of {@code enricher_version}: changes when the rules or the knowledge base change what gets linked. */
    public static final String VERSION = "linker-2";
    /** How far the best candidate must lead the next one, in score points, to be linked. */
    static final double MARGIN = 1.5;
    /** The least score a link needs: a small town with no context, or a bare surname, stays unlinked. */
    static final double MIN_SCORE = 5.5;
    /** Weight of the article's places: a candidate in the country of all of them gains this much. */
    static final double ARTICLE_COUNTRY = 3.0;
    private static final int TITLE_WINDOW = 40;
    private static final java.util.regex.Pattern MIDDLE_INITIAL = java.util.regex.Pattern.compile(" (\\p{Lu}\\. )+");

    private final KnowledgeBase kb;

    public EntityLinker(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The linker over the shipped knowledge base. */
    public static EntityLinker standard() {
        return new EntityLinker(KnowledgeBase.loadDefault());
    }

    private static final class Candidate {
        final KbEntry entry;
        double score;

        Candidate(KbEntry entry, double score) {
            this.entry = entry;
            this.score = score;
        }
    }

    /** The outcome for one entity: a full link, the country alone, or nothing (both null). */
    record Decision(KbEntry entry, String country) {
        static final Decision NONE = new Decision(null, null);
    }

    public List<Entity> link(Article article, List<Entity> entities) {
        if (entities.isEmpty()) {
            return entities;
        }
        List<List<Candidate>> candidates = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            candidates.add(candidates(e));
        }
        Map<String, Double> countryWeight = new HashMap<>();
        double[] own = new double[entities.size()];
        String[] ownCountry = new String[entities.size()];
        for (int i = 0; i < entities.size(); i++) {
            String cc = soleCountry(entities.get(i), candidates.get(i));
            if (cc != null) {
                ownCountry[i] = cc;
                own[i] = entities.get(i).mentions().size();
                countryWeight.merge(cc, own[i], Double::sum);
            }
        }
        double total = countryWeight.values().stream().mapToDouble(Double::doubleValue).sum();
        containers(article, entities, candidates);
        List<Decision> decisions = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            double others = total - own[i];
            for (Candidate c : candidates.get(i)) {
                String cc = c.entry.country();
                if (cc != null && others > 0) {
                    double w = countryWeight.getOrDefault(cc, 0.0) - (cc.equals(ownCountry[i]) ? own[i] : 0);
                    // A person of the country most of the article's places lie in gains up to 2 (a bare surname
                    // then links); a place gains in proportion to its country's share.
                    c.score += e.type() == EntityType.LOCATION ? ARTICLE_COUNTRY * w / others
                            : Math.min(2, 3 * w / others);
                }
                if (e.type() == EntityType.PERSON) {
                    if (hasTitleBefore(article, e, c.entry)) {
                        c.score += 2;
                    }
                    if (cc != null && cc.equals(e.country())) {
                        c.score += 2;
                    }
                }
            }
            decisions.add(decide(candidates.get(i)));
        }
        return apply(entities, candidates, decisions);
    }

    // ---- candidates and their prior scores --------------------------------------------------------------------

    private List<Candidate> candidates(Entity e) {
        List<Candidate> out = new ArrayList<>();
        if (e.type() == EntityType.MISC) {
            return out;
        }
        boolean oneWord = e.name().strip().indexOf(' ') < 0;
        List<KbEntry> found = kb.lookup(e.name());
        if (found.isEmpty() && e.type() == EntityType.PERSON) {
            found = kb.lookup(MIDDLE_INITIAL.matcher(e.name()).replaceAll(" ")); // "Donald J. Trump"
        }
        for (KbEntry k : found) {
            double prior = prior(e, k, oneWord);
            if (!Double.isNaN(prior) && out.stream().noneMatch(c -> c.entry == k)) {
                out.add(new Candidate(k, prior));
            }
        }
        // A name shared by a country and a region ("Georgia") is the country only if the article says so.
        double region = out.stream().filter(c -> c.entry.kind() == Kind.REGION).mapToDouble(c -> c.score).max()
                .orElse(Double.NaN);
        if (!Double.isNaN(region)) {
            out.stream().filter(c -> c.entry.kind() == Kind.COUNTRY).forEach(c -> c.score = Math.min(c.score, region));
        }
        if (e.type() == EntityType.PERSON && oneWord) {
            for (KbEntry k : kb.bySurname(e.name())) {
                if (out.stream().noneMatch(c -> c.entry == k)) {
                    out.add(new Candidate(k, 4));
                }
            }
        }
        return out;
    }

    /** The prior score of entry {@code k} for entity {@code e}, or NaN when its kind cannot be that entity. */
    private static double prior(Entity e, KbEntry k, boolean oneWord) {
        return switch (e.type()) {
            case LOCATION -> switch (k.kind()) {
                case COUNTRY -> 9 + Math.log10(Math.max(10, k.population())) / 10;
                case REGION -> k.population() > 0 ? Math.log10(k.population()) : 5;
                case CITY -> Math.log10(Math.max(10, k.population())) + (k.capital() ? 1.5 : 0);
                case PLACE -> 8;
                case PERSON -> oneWord ? Double.NaN : 6.5;
                default -> Double.NaN;
            };
            case ORGANIZATION -> switch (k.kind()) {
                case ORGANIZATION -> k.country() == null && isAbbreviation(e.name()) ? 7 : 8;
                // "Russia said ..." is the state acting: the country is what the name points at.
                case COUNTRY -> 6;
                case PERSON -> oneWord ? Double.NaN : 6.5; // a full name the tagger mistyped: "Pope Francis"
                default -> Double.NaN;
            };
            // A bare surname or first name ("Obama", "Francis") needs the article to confirm it.
            case PERSON -> k.kind() == Kind.PERSON ? (oneWord ? 4 : 8) : Double.NaN;
            default -> Double.NaN;
        };
    }

    private static boolean isAbbreviation(String name) {
        return name.length() <= 6 && name.equals(name.toUpperCase(Locale.ROOT));
    }

    /** The one country all of a place's candidates lie in, or null: only such places count as article context. */
    private static String soleCountry(Entity e, List<Candidate> cs) {
        if (e.type() != EntityType.LOCATION || cs.isEmpty()) {
            return null;
        }
        String cc = cs.get(0).entry.country();
        for (Candidate c : cs) {
            if (cc == null || !cc.equals(c.entry.country())) {
                return null;
            }
        }
        return cc;
    }

    // ---- context ------------------------------------------------------------------------------------------------

    /**
     * "Dallas, TX" and "Jonesboro, Georgia": a place written right after another and a comma is its container. The
     * inner place's candidates inside a container candidate gain; the container's candidates that hold one of the
     * inner candidates gain, and those that hold none lose.
     */
    private void containers(Article article, List<Entity> entities, List<List<Candidate>> candidates) {
        Map<String, Integer> startsAt = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            for (Mention m : entities.get(i).mentions()) {
                startsAt.put(m.field() + ":" + m.start(), i);
            }
        }
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).type() != EntityType.LOCATION || candidates.get(i).isEmpty()) {
                continue;
            }
            for (Mention m : entities.get(i).mentions()) {
                String text = article.field(m.field());
                int at = afterComma(text, m.end());
                if (at < 0) {
                    continue;
                }
                Integer j = startsAt.get(m.field() + ":" + at);
                List<KbEntry> holders = new ArrayList<>();
                if (j != null && j != i && entities.get(j).type() == EntityType.LOCATION) {
                    candidates.get(j).forEach(c -> holders.add(c.entry));
                } else if (j == null) {
                    holders.addAll(containerAt(text, at));
                }
                holders.removeIf(h -> h.kind() != Kind.COUNTRY && h.kind() != Kind.REGION);
                if (holders.isEmpty()) {
                    continue;
                }
                for (Candidate inner : candidates.get(i)) {
                    if (holders.stream().anyMatch(inner.entry::within)) {
                        inner.score += 4;
                    }
                }
                if (j != null) {
                    for (Candidate outer : candidates.get(j)) {
                        if (candidates.get(i).stream().anyMatch(c -> c.entry.within(outer.entry))) {
                            outer.score += 4;
                        } else if (outer.entry.kind() == Kind.REGION && candidates.get(i).stream()
                                .anyMatch(c -> outer.entry.country().equals(c.entry.country()))) {
                            outer.score += 2;
                        } else {
                            outer.score -= 2;
                        }
                    }
                }
            }
        }
    }

    /** The index after ", " that follows {@code end}, when a capital letter starts there; else -1. */
    private static int afterComma(String text, int end) {
        if (text == null || end + 2 >= text.length() || text.charAt(end) != ',') {
            return -1;
        }
        int at = end + 1;
        while (at < text.length() && at < end + 4 && text.charAt(at) == ' ') {
            at++;
        }
        return at < text.length() && Character.isUpperCase(text.charAt(at)) ? at : -1;
    }

    /** Countries and regions named by the one to four words at {@code at} ("TX", "Ga.", "New Mexico"). */
    private List<KbEntry> containerAt(String text, int at) {
        List<KbEntry> found = new ArrayList<>();
        int end = at;
        for (int words = 0; words < 4 && end < text.length(); words++) {
            int next = end;
            while (next < text.length() && (Character.isLetter(text.charAt(next)) || text.charAt(next) == '.')) {
                next++;
            }
            if (next == end) {
                break;
            }
            for (KbEntry k : kb.lookup(text.substring(at, next))) {
                if ((k.kind() == Kind.COUNTRY || k.kind() == Kind.REGION) && !found.contains(k)) {
                    found.add(k);
                }
            }
            if (next >= text.length() || text.charAt(next) != ' ') {
                break;
            }
            end = next + 1;
        }
        return found;
    }

    /** Whether one of the person's office titles ("President", "Prime Minister") stands right before a mention. */
    private static boolean hasTitleBefore(Article article, Entity e, KbEntry k) {
        if (k.titles().isEmpty()) {
            return false;
        }
        for (Mention m : e.mentions()) {
            String text = article.field(m.field());
            if (text == null) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - TITLE_WINDOW), m.start()).stripTrailing()
                    .toLowerCase(Locale.ROOT);
            for (String title : k.titles()) {
                String t = title.toLowerCase(Locale.ROOT);
                if (before.endsWith(t) && (before.length() == t.length()
                        || !Character.isLetter(before.charAt(before.length() - t.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- decision and output -----------------------------------------------------------------------------------

    static Decision decide(List<Candidate> cs) {
        if (cs.isEmpty()) {
            return Decision.NONE;
        }
        List<Candidate> sorted = new ArrayList<>(cs);
        sorted.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.entry.id()));
        Candidate best = sorted.get(0);
        if (best.score < MIN_SCORE) {
            return Decision.NONE;
        }
        if (sorted.size() == 1 || best.score - sorted.get(1).score >= MARGIN) {
            return new Decision(best.entry, best.entry.country());
        }
        // Close candidates that lie in one country still tell the reader that country ("New York": city or state).
        String cc = best.entry.country();
        for (Candidate c : sorted) {
            if (best.score - c.score < MARGIN && (cc == null || !cc.equals(c.entry.country()))) {
                return Decision.NONE;
            }
        }
        return new Decision(null, cc);
    }

    /** A person's full name the tagger typed as a place or an organisation becomes a person when linked. */
    private static EntityType typeOf(Entity e, KbEntry k) {
        return k.kind() == Kind.PERSON ? EntityType.PERSON : e.type();
    }

    /** Last words of treaties and laws, which take a place's name without belonging to its country. */
    private static final java.util.Set<String> DOCUMENT_WORDS = java.util.Set.of("convention", "conventions",
            "agreement", "agreements", "accord", "accords", "treaty", "act", "protocol", "declaration", "charter");

    /** Big enough that a name starting with it means the city ("Chicago Police"), not a village named "Unity". */
    static final long NAMING_CITY = 1_000_000;

    /**
     * The country an organisation's name places it in: a country, region, nationality word, big city or known
     * national organisation as its first words ("U.S. Army", "Texas Rangers", "Russian Navy", "White House
     * Counsel") or after its last "of" ("Bank of England").
     * Null when the place is not one country ("Georgia Tech": the country or the state).
     */
    String embeddedCountry(String name) {
        String[] w = name.strip().split("\\s+");
        if (DOCUMENT_WORDS.contains(w[w.length - 1].toLowerCase(Locale.ROOT))) {
            return null; // "Vienna Convention", "Paris Agreement": a treaty is not its city's country's
        }
        int from = w.length > 1 && w[0].equals("The") ? 1 : 0;
        for (int n = Math.min(4, w.length - from - 1); n >= 1; n--) {
            String cc = placeCountry(String.join(" ", java.util.Arrays.copyOfRange(w, from, from + n)));
            if (cc != null) {
                return cc;
            }
        }
        int of = name.lastIndexOf(" of ");
        return of > 0 ? placeCountry(name.substring(of + 4)) : null;
    }

    private String placeCountry(String words) {
        if (words.isEmpty() || !Character.isUpperCase(words.charAt(0))) {
            return null;
        }
        String folded = KnowledgeBase.fold(words);
        String cc = null;
        for (KbEntry k : kb.lookup(words)) {
            if (k.country() == null || !namesTheCountry(k, folded)) {
                continue;
            }
            if (cc != null && !cc.equals(k.country())) {
                return null;
            }
            cc = k.country();
        }
        return cc;
    }

    /**
     * Whether {@code folded} is a name of {@code k} that, leading an organisation's name, means that place: any
     * name of a country or nationality ("U.S."), a region's full name (not "IN" or "La."), a big city's own name
     * (not a GeoNames alternate such as "White House" for Casablanca), a known organisation's name of two words
     * or more ("White House Counsel").
     */
    private static boolean namesTheCountry(KbEntry k, String folded) {
        return switch (k.kind()) {
            case COUNTRY, NATIONALITY -> true;
            case REGION -> KnowledgeBase.fold(k.name()).equals(folded) || k.aliases().stream().anyMatch(a ->
                    a.indexOf(' ') > 0 && KnowledgeBase.fold(a).equals(folded));
            case CITY -> k.population() >= NAMING_CITY && KnowledgeBase.fold(k.name()).equals(folded);
            case ORGANIZATION -> folded.indexOf(' ') > 0;
            default -> false;
        };
    }

    private List<Entity> apply(List<Entity> entities, List<List<Candidate>> candidates,
                                      List<Decision> decisions) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            KbEntry k = decisions.get(i).entry();
            String key = k != null ? typeOf(entities.get(i), k) + "|" + k.id() : "#" + i;
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
        }
        List<Entity> out = new ArrayList<>(entities.size());
        for (List<Integer> group : groups.values()) {
            int first = group.get(0);
            Entity e = entities.get(first);
            Decision d = decisions.get(first);
            if (candidates.get(first).isEmpty()) {
                // Nothing in the knowledge base: what canonicalisation said stands, and an organisation named
                // after its country ("U.S. Army", "Iranian Foreign Ministry", "Bank of England") gets that country.
                String cc = e.type() == EntityType.ORGANIZATION && e.country() == null ? embeddedCountry(e.name())
                        : null;
                out.add(cc == null ? e : new Entity(e.name(), e.type(), e.mentions(), cc, null));
                continue;
            }
            List<Mention> mentions = new ArrayList<>(e.mentions());
            String name = e.name();
            int most = e.mentions().size();
            for (int i : group.subList(1, group.size())) {
                Entity other = entities.get(i);
                mentions.addAll(other.mentions());
                if (other.mentions().size() > most) {
                    most = other.mentions().size();
                    name = other.name();
                }
            }
            if (group.size() > 1) {
                mentions.sort(Comparator.comparing(Mention::field).thenComparingInt(Mention::start));
            }
            KbEntry k = d.entry();
            if (k != null && group.size() > 1 && (k.kind() == Kind.COUNTRY || k.kind() == Kind.REGION)) {
                name = k.name(); // "US" and "United States" in one article are one entity under its own name
            }
            if (k != null && k.wikidata() != null && typeOf(e, k) == EntityType.PERSON && isSurnameOf(name, k)) {
                // A person the article names by surname only ("Obama said") is shown under the full name the link
                // resolved ("Barack Obama"), so one person reads the same in every article and in trends.
                name = k.name();
            }
            String country = d.country();
            out.add(new Entity(name, k == null ? e.type() : typeOf(e, k), mentions, country,
                    k == null ? null : k.wikidata(), k == null ? null : k.lat(), k == null ? null : k.lon()));
        }
        return out;
    }

    /** One word that is the last word of the entry's several-word name ("Obama" of "Barack Obama"). */
    private static boolean isSurnameOf(String name, KbEntry k) {
        String n = name.strip();
        String full = k.name().strip();
        int space = full.lastIndexOf(' ');
        return n.indexOf(' ') < 0 && space > 0
                && KnowledgeBase.fold(full.substring(space + 1)).equals(KnowledgeBase.fold(n));
    }
}
