package io.newsflow.enrich.ner;

import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistical extractor: the article's title, caption and body are tokenised and tagged as one document by
 * the trained {@link NerModel}; a multi-word gazetteer name written exactly as listed ("France 24") takes
 * precedence over the model spans it contains; {@link WebTextHygiene} drops site furniture, untrusted headline
 * capitals and lone common words; then {@link Canonicalizer} merges short mentions into full names
 * and links entities to their country and Wikidata id.
 */
public final class NerEntityExtractor implements EntityExtractor {
    public static final String DEFAULT_MODEL = "ner/newsflow-ner-conll03.bin.gz";

    private final NerModel model;
    private final KnownEntities known;
    private final WebTextHygiene hygiene;

    public NerEntityExtractor(NerModel model, KnownEntities known) {
        this.model = model;
        this.known = known;
        this.hygiene = WebTextHygiene.load(known);
    }

    private static final class Default {
        static final NerEntityExtractor INSTANCE = load(DEFAULT_MODEL);
    }

    /** The model shipped with the project, loaded once per JVM (its weights are immutable and thread-safe). */
    public static NerEntityExtractor loadDefault() {
        return Default.INSTANCE;
    }

    public static NerEntityExtractor load(String resource) {
        KnownEntities known = KnownEntities.loadDefault();
        try (InputStream in = NerEntityExtractor.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("NER model resource missing: " + resource);
            }
            return new NerEntityExtractor(NerModel.load(in, known), known);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NerModel model() {
        return model;
    }

    @Override
    public String version() {
        return model.name();
    }

    @Override
    public List<Entity> extract(Article article) {
        List<TextField> fields = new ArrayList<>(3);
        List<TokenizedText> texts = new ArrayList<>(3);
        for (TextField field : TextField.values()) {
            String text = article.field(field);
            if (text != null && !text.isBlank()) {
                fields.add(field);
                texts.add(NewsTokenizer.tokenize(text));
            }
        }
        int[][] tags = model.tag(texts);
        List<List<int[]>> spans = new ArrayList<>(texts.size());
        boolean[] titles = new boolean[texts.size()];
        for (int k = 0; k < texts.size(); k++) {
            spans.add(preferGazetteer(texts.get(k), tags[k]));
            titles[k] = fields.get(k) == TextField.TITLE;
        }
        spans = hygiene.filter(texts, titles, spans);
        List<Canonicalizer.Found> found = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            TokenizedText t = texts.get(k);
            for (int[] s : spans.get(k)) {
                found.add(new Canonicalizer.Found(fields.get(k), t, s[0], s[1], s[2]));
            }
        }
        return new Canonicalizer(known).resolve(found);
    }

    /** Model spans, except where an exact multi-word gazetteer name covers them whole. */
    List<int[]> preferGazetteer(TokenizedText t, int[] tags) {
        List<int[]> spans = NerModel.spans(tags);
        List<int[]> out = new ArrayList<>(spans.size());
        int i = 0;
        int si = 0;
        while (i < t.size) {
            int m = !Character.isUpperCase(t.word(i).charAt(0)) ? 0
                    : known.table.longestAt(t.words, i, t.size);
            int len = m >>> 4;
            // A match must start and end on token boundaries the model did not cut inside another entity.
            if (len >= 2 && (tags[i] == 0 || !NerModel.isInside(tags[i]))
                    && (i + len == t.size || !NerModel.isInside(tags[i + len]))) {
                while (si < spans.size() && spans.get(si)[0] < i) {
                    out.add(spans.get(si++));
                }
                while (si < spans.size() && spans.get(si)[1] <= i + len) {
                    si++;
                }
                out.add(new int[] {i, i + len, Integer.numberOfTrailingZeros(m & 0xF)});
                i += len;
                continue;
            }
            i++;
        }
        while (si < spans.size()) {
            out.add(spans.get(si++));
        }
        return out;
    }
}
