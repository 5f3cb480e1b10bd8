package io.newsflow.enrich;

import io.newsflow.enrich.lang.ArticleLanguage;
import io.newsflow.enrich.lang.LanguageIdentifier;
import io.newsflow.enrich.lang.NgramLanguageIdentifier;
import io.newsflow.enrich.linking.EntityLinker;
import io.newsflow.enrich.ner.EntityExtractor;
import io.newsflow.enrich.ner.EntityModels;
import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.enrich.topics.LinearTopicModel;
import io.newsflow.enrich.topics.Taxonomy;
import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.InvalidEventException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one article into its enriched event: entities, topic scores and labels. No Kafka types: the topology
 * calls it, and so can tests and benchmarks. Rejects a record whose key is missing or is not the article's id,
 * and a tombstone, so they reach the dead-letter topic instead of vanishing.
 *
 * <p>Languages: the article's language is resolved first ({@link ArticleLanguage}: declared, else detected, else
 * unknown). The entity model registered for that language runs ({@link EntityModels}); the topic classifier runs
 * when the language is one of {@link #TOPIC_LANGUAGES}. Otherwise nothing runs and the event says so
 * ({@code entity_model} / {@code topic_model} "none", no entities, no topics): a model's guesses on a language it
 * was not trained on are never presented as results. An unknown language runs no model either: on whole articles
 * the detector is unsure only about tables of figures and names (docs/benchmarks.md, "Language detection").
 */
public final class Enricher {
    /** The topic models are trained on English: they score English articles only. */
    public static final Set<String> TOPIC_LANGUAGES = Set.of("en");

    private final EntityModels entityModels;
    private final LanguageIdentifier detector;
    private final EntityLinker linker;
    private final TopicClassifier classifier;
    private final Clock clock;
    private final ArticleLimits limits;
    private final String version;

    /** At most this many mentions in one event (all entities together), so the event stays a sane size. */
    public static final int MAX_MENTIONS = 10_000;

    /** {@code extractor} for English, the standard language detector. */
    public Enricher(EntityExtractor extractor, TopicClassifier classifier, Clock clock) {
        this(EntityModels.english(extractor), NgramLanguageIdentifier.standard(), classifier, clock,
                ArticleLimits.DEFAULTS);
    }

    public Enricher(EntityExtractor extractor, TopicClassifier classifier, Clock clock, ArticleLimits limits) {
        this(EntityModels.english(extractor), NgramLanguageIdentifier.standard(), classifier, clock, limits);
    }

    public Enricher(EntityModels entityModels, LanguageIdentifier detector, TopicClassifier classifier, Clock clock,
                    ArticleLimits limits) {
        this(entityModels, detector, null, classifier, clock, limits);
    }

    /** With {@code linker} (null: none) resolving every language's entities to knowledge-base entries. */
    public Enricher(EntityModels entityModels, LanguageIdentifier detector, EntityLinker linker,
                    TopicClassifier classifier, Clock clock, ArticleLimits limits) {
        this.entityModels = entityModels;
        this.detector = detector;
        this.linker = linker;
        this.classifier = classifier;
        this.clock = clock;
        this.limits = limits;
        this.version = version(entityModels, linker, classifier, detector);
    }

    public Enricher withLimits(ArticleLimits newLimits) {
        return new Enricher(entityModels, detector, linker, classifier, clock, newLimits);
    }

    /** The same enricher with other entity models by language (e.g. a Spanish one added). */
    public Enricher withEntityModels(EntityModels models) {
        return new Enricher(models, detector, linker, classifier, clock, limits);
    }

    /** The default models: the trained entity tagger and the shipped taxonomy with its trained topic model. */
    public static Enricher standard(Clock clock) {
        return standard(clock, null);
    }

    /**
     * The default entity tagger with the taxonomy in {@code taxonomyFile} (the shipped one when null) and the
     * shipped topic model; a bad file fails here, at start-up, with {@link Taxonomy.InvalidTaxonomyException}.
     */
    public static Enricher standard(Clock clock, java.nio.file.Path taxonomyFile) {
        return standard(clock, taxonomyFile, null);
    }

    /**
     * As above with the user's topic models in {@code modelFiles} consulted before the shipped one; labels no model
     * has are scored by the taxonomy's terms. A bad model file fails here with
     * {@link LinearTopicModel.InvalidModelException}.
     */
    public static Enricher standard(Clock clock, java.nio.file.Path taxonomyFile,
                                    List<java.nio.file.Path> modelFiles) {
        return new Enricher(EntityModels.standard(), NgramLanguageIdentifier.standard(), EntityLinker.standard(),
                topicClassifier(taxonomyFile, modelFiles), clock, ArticleLimits.DEFAULTS);
    }

    /** The topic classifier for a taxonomy file (null: the shipped one) and the user's models, then the shipped. */
    public static LearnedTopicClassifier topicClassifier(java.nio.file.Path taxonomyFile,
                                                         List<java.nio.file.Path> modelFiles) {
        List<LinearTopicModel> models = new java.util.ArrayList<>();
        for (java.nio.file.Path f : modelFiles == null ? List.<java.nio.file.Path>of() : modelFiles) {
            models.add(LinearTopicModel.load(f));
        }
        LinearTopicModel shipped = LinearTopicModel.loadDefault();
        if (shipped != null) {
            models.add(shipped);
        }
        return new LearnedTopicClassifier(Taxonomy.load(taxonomyFile), models);
    }

    /**
     * The English model's entities of one article, whatever its language, for the topic tools (eval-topics,
     * train-topics), whose hand-labelled articles are English like the topic models; none without an English model.
     */
    public List<Entity> entities(Article article) {
        EntityExtractor english = entityModels.forLanguage("en");
        return english == null ? List.of() : link(article, english.extract(article));
    }

    private List<Entity> link(Article article, List<Entity> entities) {
        return linker == null ? entities : linker.link(article, entities);
    }

    public EntityModels entityModels() {
        return entityModels;
    }

    public LanguageIdentifier detector() {
        return detector;
    }

    public TopicClassifier classifier() {
        return classifier;
    }

    /**
     * {@code enricher_version}: every model that can run. The English entity model, the linker, the topic model,
     * the language detector, then the entity models of other languages as {@code <language>:<model>}, e.g.
     * {@code ner-perceptron-conll03-2+linker-2+taxonomy-1+topics-lr-1+lang-optimaize-0.6-36@0.8
     * +es:ner-perceptron-conll02-es-1}. Which of them ran on an article is in its {@code entity_model} and
     * {@code topic_model}.
     */
    public String version() {
        return version;
    }

    private static String version(EntityModels entityModels, EntityLinker linker, TopicClassifier classifier,
                                  LanguageIdentifier detector) {
        EntityExtractor english = entityModels.forLanguage("en");
        StringBuilder b = new StringBuilder(english == null ? "en:" + EnrichedArticle.NONE : english.version());
        if (linker != null) {
            b.append('+').append(EntityLinker.VERSION);
        }
        b.append('+').append(classifier.version()).append('+').append(detector.version());
        for (Map.Entry<String, EntityExtractor> e : entityModels.byLanguage().entrySet()) {
            if (!e.getKey().equals("en")) {
                b.append('+').append(e.getKey()).append(':').append(e.getValue().version());
            }
        }
        return b.toString();
    }

    public List<String> labels() {
        return classifier.labels();
    }

    public EnrichedArticle enrich(String key, Article article) {
        if (article == null) {
            throw new InvalidEventException("tombstone: record with key '" + key + "' has a null value");
        }
        if (key == null) {
            throw new InvalidEventException("record without key: the key must be the article id '"
                    + article.id() + "'");
        }
        if (!key.equals(article.id())) {
            throw new InvalidEventException("key '" + key + "' differs from article id '" + article.id() + "'");
        }
        limits.check(article);
        return enrich(article);
    }

    public EnrichedArticle enrich(Article article) {
        ArticleLanguage language = ArticleLanguage.resolve(article, detector);
        EntityExtractor extractor = entityModels.forLanguage(language.language());
        List<Entity> entities = extractor == null ? List.of() : capMentions(link(article, extractor.extract(article)));
        boolean scored = language.language() != null && TOPIC_LANGUAGES.contains(language.language());
        TopicClassifier.Result topics = scored ? classifier.classify(article, entities)
                : new TopicClassifier.Result(List.of(), List.of());
        return EnrichedArticle.of(article, language.language(), language.source(), entities,
                extractor == null ? EnrichedArticle.NONE : extractor.version(), topics.topics(), topics.labels(),
                scored ? classifier.version() : EnrichedArticle.NONE, version, clock.instant());
    }

    /** Keeps entities in order until {@link #MAX_MENTIONS} mentions are used; the rest of the list is dropped. */
    static List<Entity> capMentions(List<Entity> entities) {
        int total = 0;
        for (Entity e : entities) {
            total += e.mentions().size();
        }
        if (total <= MAX_MENTIONS) {
            return entities;
        }
        java.util.ArrayList<Entity> kept = new java.util.ArrayList<>();
        int left = MAX_MENTIONS;
        for (Entity e : entities) {
            if (left == 0) {
                break;
            }
            int n = Math.min(left, e.mentions().size());
            kept.add(n == e.mentions().size() ? e : new Entity(e.name(), e.type(), e.mentions().subList(0, n),
                    e.country(), e.wikidata(), e.lat(), e.lon()));
            left -= n;
        }
        return kept;
    }
}
