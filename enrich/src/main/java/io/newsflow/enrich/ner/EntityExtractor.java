package io.newsflow.enrich.ner;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import java.util.List;

/**
 * Finds the named entities of an article. Implementations are pure functions of the article (no I/O, no clock),
 * and every mention they return must point at its surface text in the article.
 */
public interface EntityExtractor {
    List<Entity> extract(Article article);

    /** Names the model, for {@code enricher_version}. */
    String version();
}
