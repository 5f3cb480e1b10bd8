package io.newsflow.enrich.entities;

import io.newsflow.enrich.ner.EntityExtractor;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The baseline extractor: gazetteer look-up first, then rules over runs of capitalised words (a title such as
 * "President" or "lawmaker" before a name makes a person; "island of" or "in" before a name makes a place; a head
 * word such as "Assembly" or "Ministry" makes an organisation), then a document-level pass that gives short
 * mentions ("Daza") the entity whose full name the article used. Honest and fast, not statistical.
 */
public final class RuleBasedEntityExtractor implements EntityExtractor {
    /** Title words from {@code gazetteer/titles.txt}: what follows the last of them in a name run is a person. */
    private static final Set<String> CAPITALISED_TITLES = loadTitleWords();
    private static final Set<String> LOWERCASE_PERSON_CUES = Set.of("lawmaker", "legislator", "senator",
            "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
            "general", "commander", "chief", "leader", "analyst", "economist", "mayor", "governor", "chancellor",
            "premier", "negotiator", "diplomat", "striker", "midfielder", "defender", "goalkeeper", "manager",
            "coach", "researcher", "scientist", "astronomer", "professor", "executive", "officer", "director",
            "chairman", "chairwoman", "lawyer", "deputy");
    private static final Set<String> ORG_HEADS = Set.of("Assembly", "Ministry", "Council", "Party", "Bank",
            "Agency", "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Company", "Group", "Union",
            "Organization", "Organisation", "Commission", "Parliament", "Congress", "Senate", "Court", "University",
            "Institute", "Association", "Federation", "Committee", "Army", "Navy", "Forces", "Department", "Office",
            "Authority", "Fund", "Alliance", "Front", "Movement", "Club", "United", "FC", "Airlines", "Holdings",
            "Energy", "Petroleum", "Oil", "Gas", "Telescope", "Observatory", "Foundation", "Service", "Police",
            "Guard", "Times", "News", "Post", "Journal", "Tribune", "Herald", "Gazette", "Press", "Wire");
    private static final Set<String> PLACE_CUES_2 = Set.of("island of", "islands of", "city of", "town of",
            "port of", "province of", "region of", "village of", "state of", "capital of", "coast of");
    private static final Set<String> PLACE_CUES_1 = Set.of("in", "near", "outside", "towards", "toward");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "la", "del", "da", "dos", "das", "van",
            "von", "der", "bin", "al", "y", "di", "du", "le");
    /** Words that continue a title ("Secretary of State", "Chief of Staff") and are never a name by themselves. */
    private static final Set<String> TITLE_PARTS = Set.of("State", "Staff", "Executive", "Officer", "Affairs",
            "General", "Operating", "Financial");
    private static final Set<String> NOT_NAMES = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "An", "I", "It", "He", "She", "We", "They",
            "This", "That", "These", "Those", "His", "Her", "Their", "Our", "Its", "But", "And", "Or", "If", "In",
            "On", "At", "As", "By", "For", "From", "With", "After", "Before", "While", "When", "Meanwhile",
            "However", "According", "Speaking", "All", "No", "Yes", "Photo", "Mr", "Mrs", "Ms", "There", "Here");

    private final Gazetteer gazetteer;

    private static Set<String> loadTitleWords() {
        try (java.io.InputStream in = RuleBasedEntityExtractor.class.getClassLoader()
                .getResourceAsStream("gazetteer/titles.txt")) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: gazetteer/titles.txt");
            }
            Set<String> words = new java.util.HashSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    // The head word of a title ("Minister" of "Foreign Minister"): the words before it are not
                    // titles on their own ("National Assembly" must stay an organisation).
                    String[] parts = line.strip().split("\\s+");
                    words.add(parts[parts.length - 1]);
                }
            }
            return Set.copyOf(words);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public RuleBasedEntityExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String version() {
        return "rules-gazetteer-1";
    }

    /** A typed span found in one field, before mentions are grouped into entities. */
    private record Found(TextField field, int start, int end, EntityType type, String canonical) {
    }

    /** A capitalised run no rule could type; the document-level pass may still resolve it. */
    private record Unknown(TextField field, List<Token> tokens) {
    }

    @Override
    public List<Entity> extract(Article article) {
        List<Found> found = new ArrayList<>();
        List<Unknown> unknown = new ArrayList<>();
        for (TextField field : TextField.values()) {
            String text = article.field(field);
            if (text != null && !text.isEmpty()) {
                scan(field, Tokenizer.tokenize(text), found, unknown);
            }
        }
        resolveShortMentions(found, unknown);
        return group(found);
    }

    private void scan(TextField field, List<Token> tokens, List<Found> found, List<Unknown> unknown) {
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                i++;
                continue;
            }
            Gazetteer.Match m = gazetteer.longestAt(tokens, i);
            if (m != null) {
                add(found, field, tokens, i, i + m.length(), m.entry().type(), m.entry().canonical());
                i += m.length();
                continue;
            }
            if (t.isCapitalised()) {
                int end = runEnd(tokens, i);
                classifyRun(field, tokens, i, end, found, unknown);
                i = end;
                continue;
            }
            i++;
        }
    }

    /** Capitalised words, with lower-case connectors inside ("Bank of England"), up to a gazetteer name. */
    private int runEnd(List<Token> tokens, int start) {
        int j = start + 1;
        while (j < tokens.size()) {
            Token t = tokens.get(j);
            if (t.isWord() && (t.isCapitalised() || isArabicParticleName(t.text()))
                    && gazetteer.longestAt(tokens, j) == null) {
                j++;
            } else if (t.isWord() && CONNECTORS.contains(t.text()) && j + 1 < tokens.size()
                    && tokens.get(j + 1).isCapitalised() && tokens.get(j + 1).isWord()
                    && gazetteer.longestAt(tokens, j + 1) == null) {
                j += 2;
            } else if (t.text().equals(".") && tokens.get(j - 1).text().length() == 1 && j + 1 < tokens.size()
                    && tokens.get(j + 1).isCapitalised() && tokens.get(j - 1).end() == t.start()) {
                j++; // a middle initial: "John F. Kennedy"
            } else {
                break;
            }
        }
        return j;
    }

    /** "al-Burhan", "el-Sisi", "bin-Zayed": a lower-case particle joined to a capitalised name. */
    private static boolean isArabicParticleName(String word) {
        int dash = word.indexOf('-');
        return dash > 0 && dash <= 3 && dash + 1 < word.length() && Character.isUpperCase(word.charAt(dash + 1));
    }

    private void classifyRun(TextField field, List<Token> tokens, int start, int end, List<Found> found,
                             List<Unknown> unknown) {
        // A title inside the run: what follows the last title word is a person's name.
        int lastTitle = -1;
        for (int k = start; k < end; k++) {
            if (CAPITALISED_TITLES.contains(tokens.get(k).text())) {
                lastTitle = k;
            }
        }
        if (lastTitle >= 0) {
            int nameStart = lastTitle + 1;
            while (nameStart < end && CONNECTORS.contains(tokens.get(nameStart).text())) {
                nameStart++;
            }
            while (nameStart < end && TITLE_PARTS.contains(tokens.get(nameStart).text())) {
                nameStart++;
            }
            boolean orgInside = false;
            for (int k = nameStart; k < end; k++) {
                orgInside |= ORG_HEADS.contains(tokens.get(k).text());
            }
            if (orgInside) {
                classifyRest(field, tokens, start, end, found, unknown);
                return;
            }
            if (nameStart < end) {
                addPerson(found, field, tokens, nameStart, end);
            }
            if (start < lastTitle) {
                classifyRest(field, tokens, start, lastTitle, found, unknown);
            }
            return;
        }
        classifyRest(field, tokens, start, end, found, unknown);
    }

    private void classifyRest(TextField field, List<Token> tokens, int start, int end, List<Found> found,
                              List<Unknown> unknown) {
        while (start < end && NOT_NAMES.contains(tokens.get(start).text())) {
            start++;
        }
        while (end > start && CONNECTORS.contains(tokens.get(end - 1).text())) {
            end--;
        }
        if (start >= end) {
            return;
        }
        for (int k = start; k < end; k++) {
            if (ORG_HEADS.contains(tokens.get(k).text()) && end - start > 1) {
                add(found, field, tokens, start, end, EntityType.ORGANIZATION, null);
                return;
            }
        }
        String before1 = start >= 1 ? tokens.get(start - 1).text().toLowerCase(Locale.ROOT) : "";
        String before2 = start >= 2 ? tokens.get(start - 2).text().toLowerCase(Locale.ROOT) + " " + before1 : "";
        if (PLACE_CUES_2.contains(before2) || PLACE_CUES_1.contains(before1)) {
            add(found, field, tokens, start, end, EntityType.LOCATION, null);
        } else if (LOWERCASE_PERSON_CUES.contains(before1) || before2.equals("photo by")) {
            addPerson(found, field, tokens, start, end);
        } else {
            unknown.add(new Unknown(field, List.copyOf(tokens.subList(start, end))));
        }
    }

    private void addPerson(List<Found> found, TextField field, List<Token> tokens, int start, int end) {
        String surface = Gazetteer.key(tokens, start, end);
        Gazetteer.Entry known = gazetteer.lookup(surface);
        String canonical = known != null && known.type() == EntityType.PERSON ? known.canonical() : null;
        add(found, field, tokens, start, end, EntityType.PERSON, canonical);
    }

    private static void add(List<Found> found, TextField field, List<Token> tokens, int start, int end,
                            EntityType type, String canonical) {
        String name = canonical != null ? canonical : displayName(tokens, start, end);
        found.add(new Found(field, tokens.get(start).start(), tokens.get(end - 1).end(), type, name));
    }

    /** The surface as a name: single spaces, and "ALEXANDER NEMENOV" from a photo credit as "Alexander Nemenov". */
    private static String displayName(List<Token> tokens, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end; k++) {
            Token t = tokens.get(k);
            if (k > start && !t.text().equals(".")) {
                sb.append(' ');
            }
            String w = t.text();
            if (t.isAllCaps() && w.length() > 3 && end - start > 1) {
                w = w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /** "Daza" and "Padrino López" join the person whose full name the article gave; ambiguous ones stay out. */
    private static void resolveShortMentions(List<Found> found, List<Unknown> unknown) {
        Map<String, Found> bySurname = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, Found> byName = new HashMap<>();
        for (Found f : found) {
            byName.putIfAbsent(f.canonical(), f);
            if (f.type() != EntityType.PERSON) {
                continue;
            }
            String[] parts = f.canonical().split(" ");
            for (int k = 1; k < parts.length; k++) {
                String suffix = String.join(" ", java.util.Arrays.copyOfRange(parts, k, parts.length));
                Found previous = bySurname.putIfAbsent(suffix, f);
                if (previous != null && !previous.canonical().equals(f.canonical())) {
                    ambiguous.add(suffix);
                }
            }
        }
        for (Unknown u : unknown) {
            String surface = u.tokens().stream().map(Token::text).reduce((a, b) -> a + " " + b).orElse("");
            Found match = byName.get(surface);
            if (match == null && !ambiguous.contains(surface)) {
                match = bySurname.get(surface);
            }
            if (match != null) {
                found.add(new Found(u.field(), u.tokens().get(0).start(),
                        u.tokens().get(u.tokens().size() - 1).end(), match.type(), match.canonical()));
            }
        }
    }

    /** One entity per (canonical name, type), in order of first mention; mentions in text order. */
    private static List<Entity> group(List<Found> found) {
        found.sort(java.util.Comparator.comparing(Found::field).thenComparingInt(Found::start));
        Map<String, List<Mention>> mentions = new LinkedHashMap<>();
        Map<String, EntityType> types = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> seenSpans = new HashSet<>();
        for (Found f : found) {
            if (!seenSpans.add(f.field() + ":" + f.start())) {
                continue;
            }
            String key = f.type() + "|" + f.canonical();
            mentions.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mention(f.field(), f.start(), f.end()));
            types.put(key, f.type());
            names.put(key, f.canonical());
        }
        List<Entity> entities = new ArrayList<>(mentions.size());
        for (Map.Entry<String, List<Mention>> e : mentions.entrySet()) {
            entities.add(new Entity(names.get(e.getKey()), types.get(e.getKey()), e.getValue()));
        }
        return entities;
    }
}
