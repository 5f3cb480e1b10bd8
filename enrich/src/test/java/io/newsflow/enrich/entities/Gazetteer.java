package io.newsflow.enrich.entities;

import io.newsflow.enrich.ner.GazetteerFile;
import io.newsflow.events.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Known names (countries, places, organisations, people, nationality words) looked up by their token sequence.
 * Entries come from the TSV files under {@code gazetteer/}; each file says its sources in its header.
 */
public final class Gazetteer {
    public static final List<String> DEFAULT_FILES = List.of("countries.tsv", "places.tsv", "organizations.tsv",
            "people.tsv", "demonyms.tsv");

    /** A canonical entity the gazetteer knows; {@code country} is an ISO 3166-1 alpha-2 code or null. */
    public record Entry(String canonical, EntityType type, String country) {
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private int maxTokens = 1;

    public static Gazetteer loadDefault() {
        Gazetteer g = new Gazetteer();
        for (String file : DEFAULT_FILES) {
            g.load("gazetteer/" + file);
        }
        return g;
    }

    void load(String resource) {
        for (GazetteerFile.Row row : GazetteerFile.read(resource)) {
            Entry entry = new Entry(row.canonical(), row.type(), row.country());
            add(entry.canonical(), entry);
            row.aliases().forEach(alias -> add(alias, entry));
        }
    }

    private void add(String surface, Entry entry) {
        List<Token> tokens = Tokenizer.tokenize(surface);
        // The first file to name a surface wins: countries before people, so "Georgia" stays a place.
        byKey.putIfAbsent(key(tokens, 0, tokens.size()), entry);
        maxTokens = Math.max(maxTokens, tokens.size());
    }

    static String key(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().map(Token::text).collect(Collectors.joining(" "));
    }

    public Entry lookup(String surface) {
        List<Token> tokens = Tokenizer.tokenize(surface);
        return byKey.get(key(tokens, 0, tokens.size()));
    }

    /** The longest entry that starts at token {@code from}, as [entry, token count], or null. */
    public Match longestAt(List<Token> tokens, int from) {
        for (int len = Math.min(maxTokens, tokens.size() - from); len >= 1; len--) {
            Entry e = byKey.get(key(tokens, from, from + len));
            if (e != null) {
                return new Match(e, len);
            }
        }
        return null;
    }

    public record Match(Entry entry, int length) {
    }

    public int size() {
        return byKey.size();
    }
}
