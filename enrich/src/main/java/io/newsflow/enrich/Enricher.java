package io.newsflow.enrich;

import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.entities.Gazetteer;
import io.newsflow.enrich.entities.RuleBasedEntityExtractor;
import io.newsflow.enrich.linking.EntityLinker;
import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.enrich.topics.LinearTopicModel;
import io.newsflow.enrich.topics.Taxonomy;
import io.newsflow.enrich.topics.TaxonomyTopicClassifier;
import io.newsflow.enrich.ner.NerEntityExtractor;
import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.InvalidEventException;
import java.time.Clock;
import java.util.List;

/**
 * Turns one article into its enriched event: entities, topic scores and labels. No Kafka types: the topology
 * calls it, and so can tests and benchmarks. Rejects a record whose key is missing or is not the article's id,
 * and a tombstone, so they reach the dead-letter topic instead of vanishing.
 */
public final class Enricher {
    private final EntityExtractor extractor;
    private final EntityLinker linker;
    private final TopicClassifier classifier;
    private final Clock clock;
    private final ArticleLimits limits;

    /** At most this many mentions in one event (all entities together), so the event stays a sane size. */
    public static final int MAX_MENTIONS = 10_000;

    public Enricher(EntityExtractor extractor, TopicClassifier classifier, Clock clock) {
        this(extractor, classifier, clock, ArticleLimits.DEFAULTS);
    }

    public Enricher(EntityExtractor extractor, TopicClassifier classifier, Clock clock, ArticleLimits limits) {
        this(extractor, null, classifier, clock, limits);
    }

    /** With {@code linker} (null: none) resolving the extractor's entities to knowledge-base entries. */
    public Enricher(EntityExtractor extractor, EntityLinker linker, TopicClassifier classifier, Clock clock,
                    ArticleLimits limits) {
        this.extractor = extractor;
        this.linker = linker;
        this.classifier = classifier;
        this.clock = clock;
        this.limits = limits;
    }

    public Enricher withLimits(ArticleLimits newLimits) {
        return new Enricher(extractor, linker, classifier, clock, newLimits);
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
        return new Enricher(NerEntityExtractor.loadDefault(), EntityLinker.standard(),
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

    /** The first entity extractor (gazetteer and rules), kept for comparison, with the shipped taxonomy. */
    public static Enricher baseline(Clock clock) {
        return new Enricher(new RuleBasedEntityExtractor(Gazetteer.loadDefault()),
                new TaxonomyTopicClassifier(Taxonomy.load(null)), clock);
    }

    /** The entities of one article, for tools that score topics on their own (eval-topics). */
    public List<Entity> entities(Article article) {
        List<Entity> entities = extractor.extract(article);
        return linker == null ? entities : linker.link(article, entities);
    }

    public TopicClassifier classifier() {
        return classifier;
    }

    public String version() {
        return extractor.version() + (linker == null ? "" : "+" + EntityLinker.VERSION) + "+" + classifier.version();
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
        List<Entity> entities = capMentions(entities(article));
        TopicClassifier.Result topics = classifier.classify(article, entities);
        return EnrichedArticle.of(article, entities, topics.topics(), topics.labels(), version(), clock.instant());
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
