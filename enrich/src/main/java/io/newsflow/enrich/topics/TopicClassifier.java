package io.newsflow.enrich.topics;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.TopicScore;
import java.util.List;

/**
 * Scores an article against every label of a taxonomy. Pure and deterministic: the same article and entities give
 * the same scores, which replay relies on.
 */
public interface TopicClassifier {
    /** Scores for every label, plus the labels whose score passed their threshold. */
    record Result(List<TopicScore> topics, List<String> labels) {
    }

    Result classify(Article article, List<Entity> entities);

    /** Every label this classifier can assign; the sink creates a topic for each. */
    List<String> labels();

    /** Names the model, for {@code enricher_version}. */
    String version();
}
