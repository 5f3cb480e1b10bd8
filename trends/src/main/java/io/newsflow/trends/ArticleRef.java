package io.newsflow.trends;

import java.time.Instant;
import java.util.List;

/** An article as an entity's recent-articles list shows it: id, title, publish time (null when unknown), labels. */
public record ArticleRef(String id, String title, Instant published, List<String> labels) {
    public ArticleRef {
        labels = List.copyOf(labels);
    }
}
