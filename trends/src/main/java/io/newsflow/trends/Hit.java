package io.newsflow.trends;

/**
 * One article counted once for one trend key: the key's kind and display name, and for entities the article
 * itself (for the recent-articles list); null for labels and countries.
 */
public record Hit(String type, String name, ArticleRef article) {
}
