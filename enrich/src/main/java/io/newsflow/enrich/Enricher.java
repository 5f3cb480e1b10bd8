package io.newsflow.enrich;

import io.newsflow.enrich.entities.EntityExtractor;
import io.newsflow.enrich.entities.Gazetteer;
import io.newsflow.enrich.entities.RuleBasedEntityExtractor;
import io.newsflow.enrich.ner.NerEntityExtractor;
import io.newsflow.enrich.topics.KeywordTopicClassifier;
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
    private final TopicClassifier classifier;
    private final Clock clock;

    public Enricher(EntityExtractor extractor, TopicClassifier classifier, Clock clock) {
        this.extractor = extractor;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** The default models: the trained entity tagger (issue 3) and weighted keywords for topics. */
    public static Enricher standard(Clock clock) {
        return new Enricher(NerEntityExtractor.loadDefault(), KeywordTopicClassifier.loadDefault(), clock);
    }

    /** The first models, kept for comparison: gazetteer and rules for entities, weighted keywords for topics. */
    public static Enricher baseline(Clock clock) {
        return new Enricher(new RuleBasedEntityExtractor(Gazetteer.loadDefault()),
                KeywordTopicClassifier.loadDefault(), clock);
    }

    public String version() {
        return extractor.version() + "+" + classifier.version();
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
        return enrich(article);
    }

    public EnrichedArticle enrich(Article article) {
        List<Entity> entities = extractor.extract(article);
        TopicClassifier.Result topics = classifier.classify(article, entities);
        return EnrichedArticle.of(article, entities, topics.topics(), topics.labels(), version(), clock.instant());
    }
}
