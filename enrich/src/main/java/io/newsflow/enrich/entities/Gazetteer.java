package io.newsflow.enrich.entities;

import io.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 2 || cols[1].isBlank()) {
                    throw new IllegalStateException(resource + ":" + number + ": expected TYPE<TAB>name");
                }
                EntityType type = EntityType.valueOf(cols[0].strip());
                String country = cols.length > 3 && !cols[3].isBlank() ? cols[3].strip() : null;
                Entry entry = new Entry(cols[1].strip(), type, country);
                add(entry.canonical(), entry);
                if (cols.length > 2 && !cols[2].isBlank()) {
                    for (String alias : cols[2].split("\\|")) {
                        add(alias.strip(), entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
