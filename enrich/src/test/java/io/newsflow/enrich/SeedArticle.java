package io.newsflow.enrich;

import io.newsflow.events.Article;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.events.Seeds;
import io.newsflow.ingest.SourceItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;

/** The seed article, read by the real ingest parser. */
final class SeedArticle {
    static final Instant INGESTED = Instant.parse("2025-09-19T08:00:00Z");

    private SeedArticle() {
    }

    static Article load() {
        try {
            SourceItem item = ArticleFiles.fromText("seed", Files.readString(Seeds.seedArticle()), INGESTED);
            return ((SourceItem.Parsed) item).article();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
