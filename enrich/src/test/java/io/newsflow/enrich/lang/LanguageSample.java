package io.newsflow.enrich.lang;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.Article;
import io.newsflow.events.Json;
import io.newsflow.events.Seeds;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mixed-language sample of the language-detection measurement, built at run time: nothing from
 * {@code ../shared/eval} is stored in the project.
 * <ul>
 *   <li>the project's own text: the seeds (English, one Spanish) and {@code lang/written-sample.jsonl} (French,
 *       German, Portuguese, Italian, written for the project);</li>
 *   <li>from {@code ../shared/eval} when present: English articles from {@code topics/semeval-dev.jsonl} (web news)
 *       and {@code topics/reuters-energy-dev.jsonl} (wire, upper-case headlines), Spanish and Dutch articles made
 *       of {@link #SENTENCES_PER_ARTICLE} consecutive sentences of CoNLL-2002 {@code test.conllu}.</li>
 * </ul>
 * Each item has three texts: the full article (title, blank line, body, as the enricher reads it), its title,
 * and the first {@link #SHORT_WORDS} words of its body.
 */
public final class LanguageSample {
    static final int SENTENCES_PER_ARTICLE = 15;
    static final int MAX_CONLL_ARTICLES = 150;
    static final int SHORT_WORDS = 10;

    record Item(String group, String language, String full, String title, String shortText) {
        String text(Length length) {
            return switch (length) {
                case FULL -> full;
                case TITLE -> title;
                case WORDS -> shortText;
            };
        }
    }

    enum Length {
        FULL("full article"), TITLE("title only"), WORDS(SHORT_WORDS + " words");

        final String label;

        Length(String label) {
            this.label = label;
        }
    }

    private LanguageSample() {
    }

    static Item item(String group, String language, String title, String body) {
        return new Item(group, language, title + "\n\n" + body, title, firstWords(body, SHORT_WORDS));
    }

    static String firstWords(String text, int n) {
        String[] words = text.strip().split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(n, words.length)));
    }

    /** The project's own texts: always available. */
    static List<Item> own() {
        List<Item> items = new ArrayList<>();
        new ArticleFiles(java.time.Clock.systemUTC()).read(List.of(Seeds.dir()), source -> {
            Article a = ((SourceItem.Parsed) source).article();
            String lang = a.title().contains("Almagro") ? "es" : "en";
            items.add(item("seeds", lang, a.title(), a.body()));
        });
        items.addAll(written());
        return items;
    }

    /** {@code lang/written-sample.jsonl}: French, German, Portuguese and Italian articles written for the project. */
    static List<Item> written() {
        List<Item> items = new ArrayList<>();
        try (InputStream in = LanguageSample.class.getResourceAsStream("/lang/written-sample.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = Json.MAPPER.readTree(line);
                items.add(item("written", n.get("language").asText(), n.get("title").asText(),
                        n.get("body").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** A written article as an {@link Article}, for enricher tests. */
    public static Article writtenArticle(String language, int index) {
        Item item = written().stream().filter(i -> i.language().equals(language)).skip(index).findFirst()
                .orElseThrow();
        String body = item.full().substring(item.title().length() + 2);
        return new Article(Article.SCHEMA_VERSION, "written-" + language + "-" + index, "test", null, item.title(),
                body, null, null, Instant.parse("2025-09-19T08:00:00Z"), null);
    }

    /** ../shared/eval, or null when absent. */
    static Path evalDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path p : new Path[]{dir.resolve("shared/eval"), dir.resolveSibling("shared/eval")}) {
                if (Files.isDirectory(p.resolve("topics")) && Files.isDirectory(p.resolve("ner/conll2002"))) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The whole sample: the project's own texts and those built from {@code eval}. */
    static List<Item> full(Path eval) throws IOException {
        List<Item> items = new ArrayList<>(own());
        items.addAll(jsonl(eval.resolve("topics/semeval-dev.jsonl"), "semeval", "en"));
        items.addAll(jsonl(eval.resolve("topics/reuters-energy-dev.jsonl"), "reuters", "en"));
        items.addAll(conll(eval.resolve("ner/conll2002/es/test.conllu"), "conll2002", "es"));
        items.addAll(conll(eval.resolve("ner/conll2002/nl/test.conllu"), "conll2002", "nl"));
        return items;
    }

    private static List<Item> jsonl(Path file, String group, String language) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Json.MAPPER.readTree(line);
            String title = n.path("title").asText("");
            String body = n.path("body").asText("");
            if (!title.isBlank() && !body.isBlank()) {
                items.add(item(group, language, title, body));
            }
        }
        return items;
    }

    /**
     * Articles of consecutive sentences (tokens joined by spaces); the title is the first sentence of 6 to 15
     * tokens, as a headline would be.
     */
    private static List<Item> conll(Path file, String group, String language) throws IOException {
        List<String> sentences = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        int tokens = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                if (tokens > 0) {
                    sentences.add(s.toString());
                    lengths.add(tokens);
                }
                s.setLength(0);
                tokens = 0;
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length >= 2) {
                if (tokens > 0) {
                    s.append(' ');
                }
                s.append(cols[1]);
                tokens++;
            }
        }
        if (tokens > 0) {
            sentences.add(s.toString());
            lengths.add(tokens);
        }
        List<Item> items = new ArrayList<>();
        for (int start = 0; start + SENTENCES_PER_ARTICLE <= sentences.size() && items.size() < MAX_CONLL_ARTICLES;
             start += SENTENCES_PER_ARTICLE) {
            String title = null;
            for (int k = start; k < start + SENTENCES_PER_ARTICLE && title == null; k++) {
                if (lengths.get(k) >= 6 && lengths.get(k) <= 15) {
                    title = sentences.get(k);
                }
            }
            if (title == null) {
                continue;
            }
            String body = String.join("\n\n", sentences.subList(start, start + SENTENCES_PER_ARTICLE));
            items.add(new Item(group, language, body, title, firstWords(body, SHORT_WORDS)));
        }
        return items;
    }
}
