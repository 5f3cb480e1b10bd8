package io.newsflow.tools.linking;

import io.newsflow.enrich.linking.KbEntry.Kind;
import io.newsflow.enrich.linking.KbEntry;
import io.newsflow.enrich.linking.KnowledgeBase;
import io.newsflow.enrich.ner.GazetteerFile;
import io.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;

/**
 * Builds the linker's knowledge base from the open data in {@code shared/data/gazetteer} and the project's own
 * hand-made lists ({@code enrich/src/kb}, the tagger's {@code gazetteer/}): countries (OWID codes, QIDs, aliases;
 * GeoNames populations), first-level regions, GeoNames cities of 15,000 or more, current heads of state and
 * government (Wikidata), international organisations (Supraverden: names, abbreviations and QIDs only), news
 * outlets. The same inputs give the same bytes, so a rebuilt file diffs cleanly.
 */
public final class KnowledgeBaseBuilder {
    /** Alternate GeoNames names are kept only for cities this big: smaller ones' alternates are mostly noise. */
    static final long ALTERNATES_FROM = 500_000;
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
    /** Languages besides English that have an entity model: their country names join the aliases. */
    static final List<Locale> OTHER_LANGUAGES = List.of(Locale.forLanguageTag("es"));
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Z][A-Za-z .'-]*[a-z][A-Za-z .'-]*");

    private final Path data;
    private final Path handLists;
    private final PrintStream log;

    /**
     * @param data      the directory holding owid_countries_regions.csv, geonames_countryInfo.tsv,
     *                  cities15000.zip, wikidata_leaders_current.csv and supraverden_general_list.yaml
     * @param handLists the directory holding the project's regions.tsv, people.tsv, organizations.tsv, places.tsv
     */
    public KnowledgeBaseBuilder(Path data, Path handLists, PrintStream log) {
        this.data = data;
        this.handLists = handLists;
        this.log = log;
    }

    record City(String geonameId, String name, String ascii, List<String> alternates, double lat, double lon,
                String featureCode, String country, String admin1, long population) {
    }

    /** A population-weighted centre on the sphere, so a country across the antimeridian is not put in Africa. */
    static final class Centre {
        double x;
        double y;
        double z;
        long population;

        void add(double lat, double lon, long weight) {
            double la = Math.toRadians(lat);
            double lo = Math.toRadians(lon);
            x += weight * Math.cos(la) * Math.cos(lo);
            y += weight * Math.cos(la) * Math.sin(lo);
            z += weight * Math.sin(la);
            population += weight;
        }

        double lat() {
            return Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
        }

        double lon() {
            return Math.toDegrees(Math.atan2(y, x));
        }
    }

    public List<KbEntry> build() throws IOException {
        List<City> cities = readCities(data.resolve("cities15000.zip"));
        Map<String, Centre> countryCentres = new HashMap<>();
        Map<String, Centre> regionCentres = new HashMap<>();
        for (City c : cities) {
            countryCentres.computeIfAbsent(c.country, k -> new Centre()).add(c.lat, c.lon, c.population);
            if (c.admin1 != null) {
                regionCentres.computeIfAbsent(c.country + "." + c.admin1, k -> new Centre())
                        .add(c.lat, c.lon, c.population);
            }
        }
        List<KbEntry> out = new ArrayList<>();
        Map<String, String> iso3to2 = new HashMap<>();
        List<KbEntry> countries = countries(countryCentres, iso3to2);
        out.addAll(countries);
        Set<String> placeNames = new java.util.HashSet<>();
        countries.forEach(e -> names(e).forEach(n -> placeNames.add(KnowledgeBase.fold(n))));
        List<KbEntry> regions = regions(cities, regionCentres);
        regions.forEach(e -> names(e).forEach(n -> placeNames.add(KnowledgeBase.fold(n))));
        out.addAll(regions);
        Set<String> leftOver = new java.util.LinkedHashSet<>();
        out.addAll(cities(cities, placeNames, leftOver));
        out.addAll(places(placeNames, leftOver));
        out.addAll(people(iso3to2));
        out.addAll(nationalities());
        out.addAll(organizations());
        out.sort(Comparator.comparing((KbEntry e) -> e.kind().ordinal()).thenComparing(KbEntry::name)
                .thenComparing(KbEntry::id));
        Map<Kind, Integer> counts = new TreeMap<>();
        out.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        log.println("knowledge base: " + out.size() + " entries " + counts);
        return out;
    }

    private static List<String> names(KbEntry e) {
        List<String> n = new ArrayList<>(e.aliases());
        n.add(e.name());
        return n;
    }

    /** Writes the entries, gzipped, in the layout {@link KnowledgeBase#read} reads. */
    public static void write(List<KbEntry> entries, OutputStream target) throws IOException {
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(target), StandardCharsets.UTF_8)) {
            w.write(KnowledgeBase.FORMAT + " id kind name aliases country admin1 population lat lon wikidata titles"
                    + " capital; built by newsflow build-gazetteer; sources and licences in kb/NOTICE\n");
            for (KbEntry e : entries) {
                w.write(KnowledgeBase.line(e));
                w.write('\n');
            }
        }
    }

    // ---- GeoNames cities -------------------------------------------------------------------------------------

    static List<City> readCities(Path zip) throws IOException {
        List<City> cities = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var entry = z.getEntry("cities15000.txt");
            if (entry == null) {
                throw new IOException(zip + " holds no cities15000.txt");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(z.getInputStream(entry),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] c = line.split("\t", -1);
                    if (c.length < 15) {
                        continue;
                    }
                    cities.add(new City(c[0], c[1], c[2], c[3].isEmpty() ? List.of() : List.of(c[3].split(",")),
                            Double.parseDouble(c[4]), Double.parseDouble(c[5]), c[7], c[8],
                            c[10].isEmpty() ? null : c[10], c[14].isEmpty() ? 0 : Long.parseLong(c[14])));
                }
            }
        }
        return cities;
    }

    private List<KbEntry> cities(List<City> cities, Set<String> placeNames, Set<String> leftOver)
            throws IOException {
        // The hand list's QIDs and spellings ("Kiev") join the GeoNames city of that name and country.
        Map<String, GazetteerFile.Row> hand = new HashMap<>();
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/places.tsv")) {
            if (row.country() != null) {
                hand.putIfAbsent(row.country() + "|" + KnowledgeBase.fold(row.canonical()), row);
                for (String a : row.aliases()) {
                    hand.putIfAbsent(row.country() + "|" + KnowledgeBase.fold(a), row);
                }
            }
        }
        Set<GazetteerFile.Row> used = new java.util.HashSet<>();
        List<KbEntry> out = new ArrayList<>();
        List<City> sorted = new ArrayList<>(cities);
        sorted.sort(Comparator.comparingLong((City c) -> -c.population).thenComparing(City::geonameId));
        // A hand name that is only a GeoNames alternate ("Geneva" for Genève) joins the biggest such city.
        Map<String, GazetteerFile.Row> byAlternate = new HashMap<>();
        for (City c : sorted) {
            if (hand.containsKey(c.country + "|" + KnowledgeBase.fold(c.name))
                    || hand.containsKey(c.country + "|" + KnowledgeBase.fold(c.ascii))) {
                continue;
            }
            for (String a : c.alternates) {
                GazetteerFile.Row row = hand.get(c.country + "|" + KnowledgeBase.fold(a));
                if (row != null && !byAlternate.containsValue(row)) {
                    byAlternate.put(c.geonameId, row);
                }
            }
        }
        for (City c : sorted) {
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            if (!c.ascii.equals(c.name) && !c.ascii.isEmpty()) {
                aliases.add(c.ascii);
            }
            if (c.population >= ALTERNATES_FROM) {
                for (String a : c.alternates) {
                    if (PLAIN_NAME.matcher(a).matches() && !placeNames.contains(KnowledgeBase.fold(a))) {
                        aliases.add(a);
                    }
                }
            }
            String wikidata = null;
            GazetteerFile.Row row = hand.get(c.country + "|" + KnowledgeBase.fold(c.name));
            if (row == null) {
                row = hand.get(c.country + "|" + KnowledgeBase.fold(c.ascii));
            }
            if (row == null) {
                row = byAlternate.get(c.geonameId);
            }
            if (row != null && used.add(row)) {
                wikidata = row.wikidata();
                aliases.add(row.canonical());
                aliases.addAll(row.aliases());
            }
            aliases.remove(c.name);
            out.add(new KbEntry(wikidata != null ? wikidata : "geonames:" + c.geonameId, Kind.CITY, c.name,
                    new ArrayList<>(aliases), c.country, c.admin1, c.population, c.lat, c.lon, wikidata, List.of(),
                    c.featureCode.equals("PPLC")));
        }
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/places.tsv")) {
            if (!used.contains(row)) {
                leftOver.add(row.canonical());
            }
        }
        return out;
    }

    // ---- countries ---------------------------------------------------------------------------------------------

    private List<KbEntry> countries(Map<String, Centre> centres, Map<String, String> iso3to2) throws IOException {
        Map<String, Long> population = new HashMap<>();
        for (String line : Files.readAllLines(data.resolve("geonames_countryInfo.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            population.put(c[0], c[7].isEmpty() ? 0 : Long.parseLong(c[7]));
        }
        Map<String, List<String>> handAliases = new HashMap<>();
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/countries.tsv")) {
            if (row.country() != null) {
                List<String> a = handAliases.computeIfAbsent(row.country(), k -> new ArrayList<>());
                a.add(row.canonical());
                a.addAll(row.aliases());
            }
        }
        List<KbEntry> out = new ArrayList<>();
        List<Map<String, String>> rows = Csv.read(data.resolve("owid_countries_regions.csv"));
        for (Map<String, String> row : rows) {
            String cc = row.get("iso_alpha2");
            if (cc == null || cc.isEmpty()) {
                continue;
            }
            iso3to2.put(row.get("iso_alpha3"), cc);
            String qid = lastSegment(row.get("wikidata_uri"));
            if ("Q29999".equals(qid)) {
                qid = "Q55"; // OWID points at the Kingdom of the Netherlands; the country is Q55 (data README)
            }
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            for (String a : Csv.jsonStrings(row.get("aliases"))) {
                if (!a.contains("\u00c3") && !a.contains("\u00c2")) { // mis-decoded UTF-8 in the source
                    aliases.add(a);
                }
            }
            if (row.get("wikidata_label") != null && !row.get("wikidata_label").isEmpty()) {
                aliases.add(row.get("wikidata_label"));
            }
            aliases.addAll(handAliases.getOrDefault(cc, List.of()));
            // The names the JDK's CLDR data gives in the other languages the enricher tags ("España", "Alemania").
            for (Locale language : OTHER_LANGUAGES) {
                String local = new Locale("", cc).getDisplayCountry(language);
                if (!local.isEmpty() && !local.equals(cc)) {
                    aliases.add(local);
                }
            }
            String name = row.get("name");
            aliases.remove(name);
            Centre centre = centres.get(cc);
            out.add(new KbEntry(qid != null ? qid : "kb:country:" + cc, Kind.COUNTRY, name,
                    new ArrayList<>(aliases), cc, null, population.getOrDefault(cc, 0L),
                    centre == null ? null : centre.lat(), centre == null ? null : centre.lon(), qid, List.of(),
                    false));
        }
        return out;
    }

    private static String lastSegment(String uri) {
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        String q = uri.substring(uri.lastIndexOf('/') + 1);
        return QID.matcher(q).matches() ? q : null;
    }

    // ---- regions and other places -----------------------------------------------------------------------------

    private List<KbEntry> regions(List<City> cities, Map<String, Centre> centres) throws IOException {
        List<KbEntry> out = new ArrayList<>();
        for (String[] c : handRows("regions.tsv", 5)) {
            String cc = c[2];
            String admin1 = c[3];
            if (admin1.startsWith("@")) {
                String seat = KnowledgeBase.fold(admin1.substring(1));
                City found = null;
                for (City city : cities) {
                    if (city.country.equals(cc) && (KnowledgeBase.fold(city.name).equals(seat)
                            || KnowledgeBase.fold(city.ascii).equals(seat)
                            || city.alternates.stream().anyMatch(a -> KnowledgeBase.fold(a).equals(seat)))
                            && (found == null || city.population > found.population)) {
                        found = city;
                    }
                }
                if (found == null || found.admin1 == null) {
                    throw new IOException("regions.tsv: no GeoNames city '" + admin1.substring(1) + "' in " + cc
                            + " to find the region code of " + c[0]);
                }
                admin1 = found.admin1;
            }
            Centre centre = centres.get(cc + "." + admin1);
            String qid = c[4].isEmpty() ? null : c[4];
            out.add(new KbEntry(qid != null ? qid : "kb:region:" + cc + "." + admin1, Kind.REGION, c[0],
                    split(c[1]), cc, admin1, centre == null ? 0 : centre.population,
                    centre == null ? null : centre.lat(), centre == null ? null : centre.lon(), qid, List.of(),
                    false));
        }
        return out;
    }

    /**
     * The hand list of places, then the tagger's places that are neither a city, a region nor a country here
     * ("North Darfur", "Strait of Hormuz"), so what the tagger's list linked stays linked.
     */
    private List<KbEntry> places(Set<String> placeNames, Set<String> leftOver) throws IOException {
        List<KbEntry> out = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        for (String[] c : handRows("places.tsv", 4)) {
            String qid = c[3].isEmpty() ? null : c[3];
            KbEntry e = new KbEntry(qid != null ? qid : "kb:place:" + slug(c[0]), Kind.PLACE, c[0], split(c[1]),
                    c[2].isEmpty() ? null : c[2], null, 0, null, null, qid, List.of(), false);
            out.add(e);
            names(e).forEach(n -> named.add(KnowledgeBase.fold(n)));
        }
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/places.tsv")) {
            String key = KnowledgeBase.fold(row.canonical());
            if (leftOver.contains(row.canonical()) && !named.contains(key) && !placeNames.contains(key)) {
                out.add(new KbEntry(row.wikidata() != null ? row.wikidata() : "kb:place:" + slug(row.canonical()),
                        Kind.PLACE, row.canonical(), row.aliases(), row.country(), null, 0, null, null,
                        row.wikidata(), List.of(), false));
            }
        }
        return out;
    }

    private static List<KbEntry> nationalities() {
        List<KbEntry> out = new ArrayList<>();
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/demonyms.tsv")) {
            if (row.country() != null) {
                out.add(new KbEntry("kb:nationality:" + slug(row.canonical()), Kind.NATIONALITY, row.canonical(),
                        row.aliases(), row.country(), null, 0, null, null, null, List.of(), false));
            }
        }
        return out;
    }

    // ---- people -----------------------------------------------------------------------------------------------

    private List<KbEntry> people(Map<String, String> iso3to2) throws IOException {
        Map<String, KbEntry> byId = new LinkedHashMap<>();
        // The hand lists first: their names are English; the leaders file's labels are Portuguese.
        for (String[] c : handRows("people.tsv", 5)) {
            add(byId, new KbEntry(c[3].isEmpty() ? "kb:person:" + slug(c[0]) : c[3], Kind.PERSON, c[0], split(c[1]),
                    c[2].isEmpty() ? null : c[2], null, 0, null, null, c[3].isEmpty() ? null : c[3], split(c[4]),
                    false));
        }
        for (Map<String, String> row : Csv.read(data.resolve("wikidata_leaders_current.csv"))) {
            String qid = row.get("person_qid");
            String cc = iso3to2.get(row.get("iso3"));
            if (qid == null || !QID.matcher(qid).matches() || cc == null) {
                continue;
            }
            List<String> titles = row.get("role").equals("head_of_state")
                    ? List.of("President", "King", "Queen", "Emir", "Sultan", "Head of State")
                    : List.of("Prime Minister", "Premier", "Chancellor", "PM");
            String label = row.get("person");
            // Regnal names in Portuguese ("Carlos III do Reino Unido") are not how English text names anyone.
            boolean usable = label != null && !label.isBlank() && !label.matches(".*\\b(do|da|dos|das)\\b.*");
            add(byId, new KbEntry(qid, Kind.PERSON, usable ? label : qid, List.of(), cc, null, 0, null, null, qid,
                    titles, false));
        }
        // The tagger's list last: it joins an entry of the same id or the same name, else stands alone.
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/people.tsv")) {
            if (row.type() == EntityType.PERSON) {
                String id = row.wikidata() != null ? row.wikidata() : "kb:person:" + slug(row.canonical());
                KbEntry e = new KbEntry(id, Kind.PERSON, row.canonical(), row.aliases(), row.country(), null, 0,
                        null, null, row.wikidata(), List.of(), false);
                KbEntry same = byNameOrId(byId, e);
                add(byId, same == null ? e : new KbEntry(same.id(), e.kind(), e.name(), e.aliases(), e.country(),
                        null, 0, null, null, same.wikidata(), List.of(), false));
            }
        }
        List<KbEntry> out = new ArrayList<>();
        for (KbEntry e : byId.values()) {
            if (!e.name().equals(e.wikidata()) || !e.aliases().isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Merges an entry into one already there under its id: names join as aliases, the first name stays. */
    private static void add(Map<String, KbEntry> byId, KbEntry e) {
        KbEntry old = byId.get(e.id());
        if (old == null) {
            byId.put(e.id(), e);
            return;
        }
        // A leader whose only label was unusable is named by the first English name that joins it.
        String name = old.name().equals(old.wikidata()) && !e.name().equals(e.wikidata()) ? e.name() : old.name();
        LinkedHashSet<String> aliases = new LinkedHashSet<>(old.aliases());
        aliases.addAll(e.aliases());
        if (!e.name().equals(e.wikidata())) {
            aliases.add(e.name());
        }
        aliases.remove(name);
        LinkedHashSet<String> titles = new LinkedHashSet<>(old.titles());
        titles.addAll(e.titles());
        byId.put(e.id(), new KbEntry(old.id(), old.kind(), name, new ArrayList<>(aliases),
                old.country() != null ? old.country() : e.country(), old.admin1(), old.population(), old.lat(),
                old.lon(), old.wikidata() != null ? old.wikidata() : e.wikidata(), new ArrayList<>(titles),
                old.capital()));
    }

    // ---- organisations ---------------------------------------------------------------------------------------

    private List<KbEntry> organizations() throws IOException {
        Map<String, KbEntry> byId = new LinkedHashMap<>();
        for (String[] c : handRows("organizations.tsv", 4)) {
            add(byId, org(c[0], split(c[1]), c[2], c[3]));
        }
        for (GazetteerFile.Row row : GazetteerFile.read("gazetteer/organizations.tsv")) {
            KbEntry e = org(row.canonical(), row.aliases(), row.country(), row.wikidata());
            KbEntry same = byNameOrId(byId, e);
            add(byId, same == null ? e : new KbEntry(same.id(), e.kind(), e.name(), e.aliases(), e.country(),
                    null, 0, null, null, e.wikidata(), List.of(), false));
        }
        for (Map<String, String> o : Yaml.topLevelMaps(data.resolve("supraverden_general_list.yaml"))) {
            String qid = o.get("Wikidata_code");
            String name = o.get("Name_en");
            if (name == null || qid == null || !QID.matcher(qid).matches()) {
                continue;
            }
            List<String> aliases = new ArrayList<>();
            for (Map.Entry<String, String> f : o.entrySet()) {
                String k = f.getKey();
                if (!k.equals("Name_en") && k.endsWith("_en") && (k.startsWith("Name_other")
                        || k.startsWith("Abbreviation") && !k.startsWith("Abbreviation_former"))
                        && !f.getValue().equals("null") && !f.getValue().isBlank()) {
                    aliases.add(f.getValue());
                }
            }
            KbEntry e = org(name, aliases, null, qid);
            KbEntry same = byNameOrId(byId, e);
            add(byId, same == null ? e : new KbEntry(same.id(), e.kind(), e.name(), e.aliases(), null, null, 0,
                    null, null, qid, List.of(), false));
        }
        return new ArrayList<>(byId.values());
    }

    private static KbEntry byNameOrId(Map<String, KbEntry> byId, KbEntry e) {
        if (byId.containsKey(e.id())) {
            return byId.get(e.id());
        }
        Set<String> names = new java.util.HashSet<>();
        names(e).forEach(n -> names.add(KnowledgeBase.fold(n)));
        for (KbEntry o : byId.values()) {
            if (names.contains(KnowledgeBase.fold(o.name()))) {
                return o;
            }
        }
        for (KbEntry o : byId.values()) {
            if (!KnowledgeBase.isAbbreviation(o.name()) && o.aliases().stream()
                    .anyMatch(a -> !KnowledgeBase.isAbbreviation(a) && names.contains(KnowledgeBase.fold(a)))) {
                return o;
            }
        }
        return null;
    }

    private static KbEntry org(String name, List<String> aliases, String country, String qid) {
        String q = qid == null || qid.isEmpty() ? null : qid;
        return new KbEntry(q != null ? q : "kb:org:" + slug(name), Kind.ORGANIZATION, name, aliases,
                country == null || country.isEmpty() ? null : country, null, 0, null, null, q, List.of(), false);
    }

    // ---- small readers ----------------------------------------------------------------------------------------

    /** The rows of a hand list: tab-separated, '#' comments, padded to {@code columns}. */
    private List<String[]> handRows(String file, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(handLists.resolve(file), StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length > columns) {
                throw new IOException(file + " line " + n + ": at most " + columns + " columns, found " + c.length);
            }
            String[] padded = java.util.Arrays.copyOf(c, columns);
            for (int k = 0; k < columns; k++) {
                padded[k] = padded[k] == null ? "" : padded[k].strip();
            }
            rows.add(padded);
        }
        return rows;
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\\|"));
    }

    static String slug(String name) {
        return KnowledgeBase.fold(name).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    /** The subset of CSV the OWID and Wikidata exports use: quoted fields with doubled quotes, no line breaks. */
    static final class Csv {
        static List<Map<String, String>> read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = fields(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                Map<String, String> row = new HashMap<>();
                for (int k = 0; k < header.size() && k < f.size(); k++) {
                    row.put(header.get(k), f.get(k));
                }
                rows.add(row);
            }
            return rows;
        }

        static List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        sb.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(sb.toString());
                    sb.setLength(0);
                } else {
                    sb.append(ch);
                }
            }
            out.add(sb.toString());
            return out;
        }

        /** The strings of a JSON array of strings such as {@code ["UK", "Britain"]}, escapes decoded. */
        static List<String> jsonStrings(String s) throws IOException {
            if (s == null || s.isBlank()) {
                return List.of();
            }
            return List.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(s, String[].class));
        }
    }

    /** The subset of YAML the Supraverden list uses: a map of maps, one {@code key: value} a line. */
    static final class Yaml {
        static List<Map<String, String>> topLevelMaps(Path file) throws IOException {
            List<Map<String, String>> out = new ArrayList<>();
            Map<String, String> current = null;
            Pattern field = Pattern.compile("^  ([A-Za-z0-9_]+):\\s*(.*)$");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith(" ") && line.endsWith(":")) {
                    current = new LinkedHashMap<>();
                    out.add(current);
                    continue;
                }
                Matcher m = field.matcher(line);
                if (current != null && m.matches()) {
                    current.put(m.group(1), unquote(m.group(2).strip()));
                }
            }
            return out;
        }

        private static String unquote(String v) {
            if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'"))) {
                return v.substring(1, v.length() - 1).replace("''", "'");
            }
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1).replace("\\\"", "\"");
            }
            return v;
        }
    }
}
