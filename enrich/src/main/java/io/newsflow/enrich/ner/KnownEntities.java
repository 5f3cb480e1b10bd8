package io.newsflow.enrich.ner;

import io.newsflow.events.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's gazetteers (TSV files under {@code gazetteer/}, each naming its sources in its header) as a phrase
 * table for the tagger's features and as a look-up for canonical names and links: ISO 3166-1 alpha-2 country and
 * Wikidata id. Look-up tries the exact surface, then the surface without accents and case ("Nicolas Maduro").
 */
public final class KnownEntities {
    public static final List<String> FILES = List.of("countries.tsv", "places.tsv", "organizations.tsv",
            "people.tsv", "demonyms.tsv");

    /** A known entity; {@code country} and {@code wikidata} may be null. */
    public record Entry(String canonical, EntityType type, String country, String wikidata) {
    }

    private final Map<String, Entry> exact = new HashMap<>();
    private final Map<String, Entry> folded = new HashMap<>();
    final PhraseTable table = new PhraseTable();

    /** The gazetteer as the tagger's phrase table: a feature of the models, which the trainer passes on. */
    public PhraseTable table() {
        return table;
    }

    public static KnownEntities loadDefault() {
        KnownEntities k = new KnownEntities();
        for (String file : FILES) {
            k.load("gazetteer/" + file);
        }
        return k;
    }

    /** The tagger's type index of an entity type: 0 PER, 1 ORG, 2 LOC, 3 MISC ({@link NerModel#TYPES}). */
    public static int typeIndex(EntityType type) {
        return switch (type) {
            case PERSON -> 0;
            case ORGANIZATION -> 1;
            case LOCATION -> 2;
            case MISC -> 3;
        };
    }

    static EntityType entityType(int typeIndex) {
        return EntityType.values()[new int[] {0, 1, 2, 3}[typeIndex]];
    }

    private void load(String resource) {
        for (GazetteerFile.Row row : GazetteerFile.read(resource)) {
            Entry entry = new Entry(row.canonical(), row.type(), row.country(), row.wikidata());
            add(entry.canonical(), entry);
            row.aliases().forEach(alias -> add(alias, entry));
        }
    }

    private void add(String surface, Entry entry) {
        // The first file to name a surface wins: countries before people, so "Georgia" stays a place.
        exact.putIfAbsent(normalise(surface), entry);
        folded.putIfAbsent(fold(surface), entry);
        table.add(surface, typeIndex(entry.type()), true);
    }

    static String normalise(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || i == 0 || i == s.length() - 1 || s.charAt(i - 1) == ' ')) {
                return s.strip().replaceAll("\\s+", " ");
            }
        }
        return s;
    }

    /** Without accents, case and a leading "the": "the Caribbean" and "caribbean" fold the same. */
    static String fold(String s) {
        String n = io.newsflow.events.TextFold.plain(normalise(s));
        return n.startsWith("the ") ? n.substring(4) : n;
    }

    public Entry lookup(String surface) {
        Entry e = exact.get(normalise(surface));
        return e != null ? e : folded.get(fold(surface));
    }

    public int size() {
        return exact.size();
    }
}
