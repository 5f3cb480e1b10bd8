package io.newsflow.enrich.linking;

import io.newsflow.events.TextFold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The entries the linker resolves names to, built by {@code newsflow build-gazetteer} from open data (sources and
 * licences in {@code kb/NOTICE}), looked up by any of an entry's names folded blind to case, accents, dots and a
 * leading "the". Immutable once loaded, so one instance serves every stream thread.
 */
public final class KnowledgeBase {
    public static final String DEFAULT_RESOURCE = "kb/newsflow-kb.tsv.gz";
    /** The first line of the file, so a file of another layout fails at load rather than linking nonsense. */
    public static final String FORMAT = "# newsflow-kb/1";

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<KbEntry> entries;
    private final Map<String, List<KbEntry>> byName = new HashMap<>();
    private final Map<String, List<KbEntry>> bySurname = new HashMap<>();

    public KnowledgeBase(List<KbEntry> entries) {
        this.entries = List.copyOf(entries);
        for (KbEntry e : this.entries) {
            index(byName, e.name(), e);
            e.aliases().forEach(a -> index(byName, a, e));
            if (e.kind() == KbEntry.Kind.PERSON) {
                String[] words = e.name().split(" ");
                if (words.length >= 2) {
                    index(bySurname, words[words.length - 1], e);
                }
            }
        }
    }

    private static void index(Map<String, List<KbEntry>> map, String name, KbEntry e) {
        List<KbEntry> list = map.computeIfAbsent(fold(name), k -> new ArrayList<>(1));
        if (!list.contains(e)) {
            list.add(e);
        }
    }

    private static final class Default {
        static final KnowledgeBase INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    /** The shipped knowledge base, loaded once per JVM. */
    public static KnowledgeBase loadDefault() {
        return Default.INSTANCE;
    }

    public static KnowledgeBase loadResource(String resource) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base resource missing: " + resource
                        + " (build it with: newsflow build-gazetteer)");
            }
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the TSV layout {@link #write} documents. */
    public static KnowledgeBase read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = r.readLine();
        if (first == null || !first.startsWith(FORMAT)) {
            throw new IOException("not a newsflow knowledge base (first line must start with '" + FORMAT + "')");
        }
        List<KbEntry> entries = new ArrayList<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 12) {
                throw new IOException("knowledge base line " + n + ": 12 columns expected, found " + c.length);
            }
            entries.add(new KbEntry(c[0], KbEntry.Kind.valueOf(c[1]), c[2], list(c[3]), blank(c[4]), blank(c[5]),
                    c[6].isEmpty() ? 0 : Long.parseLong(c[6]), c[7].isEmpty() ? null : Double.valueOf(c[7]),
                    c[8].isEmpty() ? null : Double.valueOf(c[8]), blank(c[9]), list(c[10]), c[11].equals("1")));
        }
        return new KnowledgeBase(entries);
    }

    /**
     * One entry a line after the format line: id, kind, name, aliases (|), country, admin1, population, lat, lon,
     * wikidata, titles (|), capital (1/0), tab-separated; the columns {@link #read} expects.
     */
    public static String line(KbEntry e) {
        return String.join("\t", e.id(), e.kind().name(), e.name(), String.join("|", e.aliases()),
                nz(e.country()), nz(e.admin1()), e.population() == 0 ? "" : Long.toString(e.population()),
                e.lat() == null ? "" : String.format(Locale.ROOT, "%.4f", e.lat()),
                e.lon() == null ? "" : String.format(Locale.ROOT, "%.4f", e.lon()), nz(e.wikidata()),
                String.join("|", e.titles()), e.capital() ? "1" : "0");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\|"));
    }

    public List<KbEntry> entries() {
        return entries;
    }

    /**
     * Entries one of whose names folds to the same as {@code name}; an abbreviation ("CoR", "ICE") matches only
     * when written in its own case, so "Cor" and "ice" are not it.
     */
    public List<KbEntry> lookup(String name) {
        List<KbEntry> found = byName.getOrDefault(fold(name), List.of());
        if (found.isEmpty()) {
            return found;
        }
        String written = name.strip();
        String bare = written.replace(".", "");
        List<KbEntry> out = new ArrayList<>(found.size());
        for (KbEntry e : found) {
            if (matchesCase(e.name(), written, bare)
                    || e.aliases().stream().anyMatch(a -> matchesCase(a, written, bare))) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean matchesCase(String known, String written, String bare) {
        if (!fold(known).equals(fold(bare))) {
            return false;
        }
        if (known.endsWith(".") && known.indexOf(' ') < 0 && known.indexOf('.') == known.length() - 1) {
            return known.equals(written); // "Ark." is Arkansas; "Ark" is Noah's
        }
        String k = known.replace(".", "");
        // "Nato" is NATO, as British papers write it; "Cor" and "Ice" are words, not CoR and ICE.
        return !isAbbreviation(k) || k.equals(bare)
                || k.length() >= 4 && k.equalsIgnoreCase(bare) && Character.isUpperCase(bare.charAt(0));
    }

    /** Short and with two capitals or more: "ICE", "CoR", "OPEC"; "NATO" and "Nato" are both NATO. */
    public static boolean isAbbreviation(String s) {
        if (s.length() > 6 || s.indexOf(' ') >= 0) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            upper += Character.isUpperCase(s.charAt(i)) ? 1 : 0;
        }
        return upper >= 2;
    }

    /** People whose full name (two words or more) ends with {@code surname}. */
    public List<KbEntry> bySurname(String surname) {
        return bySurname.getOrDefault(fold(surname), List.of());
    }

    /** "The U.S." and "us", "Bogotá" and "bogota" fold the same; hyphens count as spaces. */
    public static String fold(String name) {
        String s = TextFold.plain(name).replace(".", "").replace('-', ' ');
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.startsWith("the ") ? s.substring(4) : s;
    }
}
