package io.newsflow.enrich.ner;

import io.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one gazetteer TSV resource: {@code TYPE<TAB>canonical<TAB>aliases separated by |<TAB>ISO country<TAB>
 * Wikidata id}, {@code #} comments, trailing columns optional. Every gazetteer user reads the files through this.
 */
public final class GazetteerFile {
    /** One line: the canonical name and its aliases; country and Wikidata id are null when not given. */
    public record Row(EntityType type, String canonical, List<String> aliases, String country, String wikidata) {
    }

    private GazetteerFile() {
    }

    public static List<Row> read(String resource) {
        try (InputStream in = GazetteerFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
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
                List<String> aliases = new ArrayList<>();
                String aliasColumn = column(cols, 2);
                if (aliasColumn != null) {
                    for (String alias : aliasColumn.split("\\|")) {
                        aliases.add(alias.strip());
                    }
                }
                rows.add(new Row(EntityType.valueOf(cols[0].strip()), cols[1].strip(), aliases, column(cols, 3),
                        column(cols, 4)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String column(String[] cols, int k) {
        return cols.length > k && !cols[k].isBlank() ? cols[k].strip() : null;
    }
}
