package io.newsflow.ingest;

import io.newsflow.events.Article;

/**
 * One thing read from an input: an article, or a rejection with its reason. {@code origin} names where it came
 * from ("dir/file.txt", "archive.jsonl:12") so a user can find and fix it.
 */
public sealed interface SourceItem {
    String origin();

    record Parsed(String origin, Article article) implements SourceItem {
    }

    record Rejected(String origin, String reason) implements SourceItem {
    }
}
