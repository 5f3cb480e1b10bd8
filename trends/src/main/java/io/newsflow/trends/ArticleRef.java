package io.newsflow.trends;

import java.time.Instant;
import java.util.List;

/**
 * An article as an entity's recent-articles list shows it: id, title, the time it is counted at (publish, else
 * ingest) and labels.
 */
public record ArticleRef(String id, String title, Instant published, List<String> labels) {
    public ArticleRef {
        labels = List.copyOf(labels);
    }
}
