package io.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A title is not part of a name: "Mr. Kirk" is Kirk and "Cardinal Parolin" is Parolin, and a title inside a span
 * parts two names ("Oakland Mayor Libby Schaaf" is Oakland and Libby Schaaf). Regnal titles stay, being how the
 * person is named ("Pope Francis", "King Charles III"). Titles come from {@code gazetteer/titles.txt}.
 */
public final class Titles {
    static final String RESOURCE = "gazetteer/titles.txt";
    /** Part of the name itself, not a title before it. */
    static final Set<String> REGNAL = Set.of("pope", "king", "queen", "prince", "princess", "crown prince", "emir",
            "sheikh", "sultan");
    /** Titles that only ever stand before a person, so they mark a person whatever the tagger said. */
    static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "miss", "mr.", "mrs.", "ms.", "dr.");
    /**
     * Words that open organisation names too ("General Motors", "Justice Department", "Premier League"): they are
     * a title only before a name the tagger called a person, and they never part a span in two.
     */
    static final Set<String> AMBIGUOUS = Set.of("general", "major", "prime", "vice", "chief", "deputy", "justice",
            "secretary", "representative", "speaker", "premier", "captain", "coach", "director", "judge", "marshal",
            "chancellor", "commander");
    /** Titles of office holders of a place; other titles ("CEO", "Coach") follow an organisation. */
    static final Set<String> OF_A_PLACE = Set.of("mayor", "governor", "gov.", "gov", "senator", "sen.", "sen",
            "rep.", "rep", "president", "prime minister", "minister", "ambassador", "premier", "lawmaker");

    private final Set<String> titles;
    /** Titles that only ever stand before a person: {@link #HONORIFICS}, or a language's own. */
    private final Set<String> honorifics;
    /** First words of the titles as written in lower, title and upper case: most tokens are rejected unread. */
    private final Set<String> firstWords = new HashSet<>();
    private final int longest;

    public Titles(Set<String> titles) {
        this(titles, HONORIFICS);
    }

    Titles(Set<String> titles, Set<String> honorifics) {
        this.titles = titles;
        this.honorifics = honorifics;
        int n = 1;
        for (String t : titles) {
            String[] words = t.split(" ");
            n = Math.max(n, words.length);
            String w = words[0];
            firstWords.add(w);
            firstWords.add(w.toUpperCase(Locale.ROOT));
            firstWords.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        this.longest = n;
    }

    /**
     * Titles of clergy, police, courts and trades that news writes before names ("Billionaire George Soros") and
     * the shared list lacks; they come off only a span the tagger called a person.
     */
    static final Set<String> MORE = Set.of("officer", "detective", "sheriff", "bishop", "msgr", "msgr.", "mgr",
            "mgr.", "monsignor", "rev", "rev.", "reverend", "pastor", "rabbi", "imam", "nuncio", "attorney general",
            "sgt", "sgt.", "cpl", "cpl.", "pvt", "pvt.", "gen", "col", "lt", "adm", "capt", "capt.", "cmdr", "cmdr.",
            "airman", "trooper", "agent", "special agent", "investigator", "principal investigator", "billionaire",
            "businessman", "businesswoman", "activist", "comedian", "journalist", "anchor", "host", "attorney",
            "lawyer", "congressman", "congresswoman", "councilman", "councilwoman", "commissioner", "superintendent",
            "counsel", "special counsel", "father");

    private static final class Default {
        static final Titles INSTANCE = load();
    }

    /** The shipped list, read once per JVM (the set is never changed after loading). */
    public static Titles loadDefault() {
        return Default.INSTANCE;
    }

    /** Spanish titles and honorifics ({@code gazetteer/titles-es.txt}), for the Spanish extractor. */
    static final String RESOURCE_ES = "gazetteer/titles-es.txt";
    static final Set<String> HONORIFICS_ES = Set.of("sr", "sr.", "sra", "sra.", "srta", "srta.", "dr", "dr.", "dra",
            "dra.", "señor", "señora");

    private static final class Spanish {
        static final Titles INSTANCE = new Titles(read(RESOURCE_ES, new HashSet<>(HONORIFICS_ES)), HONORIFICS_ES);
    }

    /** The Spanish list, read once per JVM: no English title is in it. */
    public static Titles spanish() {
        return Spanish.INSTANCE;
    }

    private static Titles load() {
        Set<String> set = new HashSet<>(HONORIFICS);
        set.addAll(MORE);
        return new Titles(read(RESOURCE, set));
    }

    /** Adds the titles of a resource to {@code set} (regnal titles excepted; with and without a final dot). */
    private static Set<String> read(String resource, Set<String> set) {
        try (InputStream in = Titles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String t = line.toLowerCase(Locale.ROOT);
                    if (!REGNAL.contains(t)) {
                        set.add(t);
                        set.add(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    /** The number of tokens of the title starting at token {@code i} (longest first), or 0. */
    int titleAt(TokenizedText t, int i, int end) {
        if (!Character.isUpperCase(t.word(i).charAt(0)) || !firstWords.contains(t.word(i))) {
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        int found = 0;
        for (int k = i; k < end && k - i < longest; k++) {
            if (k > i) {
                sb.append(' ');
            }
            sb.append(t.word(k).toLowerCase(Locale.ROOT));
            if (titles.contains(sb.toString())) {
                found = k - i + 1;
            }
        }
        return found;
    }

    /** The spans again, each without its leading titles and parted at a title inside it. */
    List<Canonicalizer.Found> separate(List<Canonicalizer.Found> found, KnownEntities known) {
        List<Canonicalizer.Found> out = new ArrayList<>(found.size());
        for (Canonicalizer.Found f : found) {
            int[] trimmed = WebTextHygiene.trim(f.text, new int[] {f.start, f.end, f.type});
            if (trimmed == null) {
                continue;
            }
            if (known.lookup(f.surface) != null && trimmed[0] == f.start && trimmed[1] == f.end) {
                out.add(f);
                continue;
            }
            separate(f, trimmed[0], trimmed[1], known, out);
        }
        return out;
    }

    private void separate(Canonicalizer.Found f, int a, int b, KnownEntities known, List<Canonicalizer.Found> out) {
        TokenizedText t = f.text;
        int type = f.type;
        // Leading titles: "Senator", "Mr.", "Defense Secretary".
        while (a < b - 1) {
            int n = titleAt(t, a, b);
            if (n == 0 || a + n >= b || !Character.isUpperCase(t.word(a + n).charAt(0))) {
                break;
            }
            String title = lower(t, a, a + n);
            if (type != 0 && !honorifics.contains(title) && !(n == 1 && !AMBIGUOUS.contains(title) && type != 1)) {
                break;
            }
            a += n;
            type = 0;
        }
        // A title inside parts two names: what stands before it holds the office, what follows is the person.
        for (int k = a + 1; k < b - 1; k++) {
            int n = titleAt(t, k, b);
            if (n == 0 || k + n >= b || !Character.isUpperCase(t.word(k + n).charAt(0))) {
                continue;
            }
            String title = lower(t, k, k + n);
            if (AMBIGUOUS.contains(title)) {
                continue;
            }
            String before = t.text().substring(t.start(a), t.end(k - 1));
            KnownEntities.Entry e = known.lookup(before);
            int beforeType = e != null ? KnownEntities.typeIndex(e.type()) : OF_A_PLACE.contains(title) ? 2 : 1;
            out.add(new Canonicalizer.Found(f.field, t, a, k, beforeType));
            separate(new Canonicalizer.Found(f.field, t, k + n, b, 0), k + n, b, known, out);
            return;
        }
        out.add(a == f.start && b == f.end && type == f.type ? f : new Canonicalizer.Found(f.field, t, a, b, type));
    }

    private static String lower(TokenizedText t, int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int k = a; k < b; k++) {
            if (k > a) {
                sb.append(' ');
            }
            sb.append(t.word(k).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
