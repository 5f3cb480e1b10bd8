package io.newsflow.enrich.ner;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which entity extractor runs on an article of which language (ISO 639-1). An article whose language has no
 * extractor here, or whose language is unknown, gets no entities: a model trained on one language finds
 * plausible-looking but wrong names in another, and the event must not present those as results.
 *
 * <p>Immutable; {@link #with} returns a copy. To add a language, register its model in {@link #standard()}.
 */
public final class EntityModels {
    private final Map<String, EntityExtractor> byLanguage;

    private EntityModels(Map<String, EntityExtractor> byLanguage) {
        this.byLanguage = Collections.unmodifiableMap(byLanguage);
    }

    /** No model for any language. */
    public static EntityModels none() {
        return new EntityModels(new TreeMap<>());
    }

    /** The shipped models: the English tagger for "en", the Spanish one (CoNLL-2002) for "es". */
    public static EntityModels standard() {
        return none()
                .with("en", NerEntityExtractor.loadDefault())
                .with("es", NerEntityExtractor.forLanguage("es").orElseThrow());
    }

    /** One extractor for English only (tests, and the enricher built around a single extractor). */
    public static EntityModels english(EntityExtractor extractor) {
        return none().with("en", extractor);
    }

    /** A copy with {@code extractor} for {@code language} (lower-case ISO 639-1), replacing any before it. */
    public EntityModels with(String language, EntityExtractor extractor) {
        if (language == null || !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("language must be an ISO 639-1 code in lower case: " + language);
        }
        TreeMap<String, EntityExtractor> copy = new TreeMap<>(byLanguage);
        copy.put(language, java.util.Objects.requireNonNull(extractor, "extractor"));
        return new EntityModels(copy);
    }

    /** The extractor for {@code language}, or null when there is none (or the language is unknown). */
    public EntityExtractor forLanguage(String language) {
        return language == null ? null : byLanguage.get(language);
    }

    /** Language to extractor, in the order of the codes. */
    public Map<String, EntityExtractor> byLanguage() {
        return byLanguage;
    }
}
