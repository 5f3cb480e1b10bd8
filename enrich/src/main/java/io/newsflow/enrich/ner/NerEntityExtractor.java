package io.newsflow.enrich.ner;

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
    /** The Spanish model, trained on CoNLL-2002 Spanish (see README, "Entity extraction model"). */
    public static final String SPANISH_MODEL = "ner/newsflow-ner-conll02-es.bin.gz";

    private final NerModel model;
    private final KnownEntities known;
    private final WebTextHygiene hygiene;
    private final Titles titles;

    /** An extractor for English text: English common words and titles. */
    public NerEntityExtractor(NerModel model, KnownEntities known) {
        this(model, known, WebTextHygiene.load(known), Titles.loadDefault());
    }

    NerEntityExtractor(NerModel model, KnownEntities known, WebTextHygiene hygiene, Titles titles) {
        this.model = model;
        this.known = known;
        this.hygiene = hygiene;
        this.titles = titles;
    }

    /**
     * An extractor for Spanish text with {@code model}: Spanish common words ({@link WebTextHygiene#spanish}) and
     * Spanish titles ({@link Titles#spanish}).
     */
    public static NerEntityExtractor spanish(NerModel model, KnownEntities known) {
        return new NerEntityExtractor(model, known, WebTextHygiene.spanish(known), Titles.spanish());
    }

    private static final class Default {
        static final NerEntityExtractor INSTANCE = load(DEFAULT_MODEL);
    }

    private static final class Spanish {
        static final NerEntityExtractor INSTANCE = loadModel(SPANISH_MODEL, NerEntityExtractor::spanish);
    }

    /** The English model shipped with the project, loaded once per JVM (immutable weights, thread-safe). */
    public static NerEntityExtractor loadDefault() {
        return Default.INSTANCE;
    }

    /**
     * The shipped extractor for text in {@code language}, an ISO 639-1 code ("en", "es"; case and a region suffix
     * such as "es-MX" are ignored), loaded once per JVM; empty for a language without a model (or null).
     */
    public static java.util.Optional<NerEntityExtractor> forLanguage(String language) {
        if (language == null) {
            return java.util.Optional.empty();
        }
        String code = language.strip().toLowerCase(java.util.Locale.ROOT);
        int cut = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        code = cut >= 0 ? code.substring(0, cut) : code;
        return switch (code) {
            case "en" -> java.util.Optional.of(loadDefault());
            case "es" -> java.util.Optional.of(Spanish.INSTANCE);
            default -> java.util.Optional.empty();
        };
    }

    /** An English extractor with the model of a class-path resource. */
    public static NerEntityExtractor load(String resource) {
        return loadModel(resource, NerEntityExtractor::new);
    }

    private static NerEntityExtractor loadModel(String resource,
            java.util.function.BiFunction<NerModel, KnownEntities, NerEntityExtractor> make) {
        KnownEntities known = KnownEntities.loadDefault();
        try (InputStream in = NerEntityExtractor.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("NER model resource missing: " + resource);
            }
            return make.apply(NerModel.load(in, known), known);
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
        return new Canonicalizer(known, this.titles).resolve(found);
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
