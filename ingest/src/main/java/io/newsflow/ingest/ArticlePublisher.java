package io.newsflow.ingest;

import io.newsflow.events.Article;
import java.util.List;
import java.util.Set;

/** Where continuous ingest sends articles; no Kafka types, so pollers and watchers are testable without a broker. */
public interface ArticlePublisher {
    /**
     * Sends the articles and waits until each is acknowledged or failed.
     *
     * @param failures receives one "id: reason" line per article that could not be sent
     * @return the ids acknowledged; only these may be remembered as published
     */
    Set<String> publish(List<Article> articles, List<String> failures);

    /**
     * As above, but an article the broker refuses for good (too large for the topic, an invalid record) goes to
     * {@code refused} ("id: reason") instead of {@code failures}: sending it again could never succeed, so a
     * watcher must not retry it forever.
     */
    default Set<String> publish(List<Article> articles, List<String> failures, List<String> refused) {
        return publish(articles, failures);
    }
}
