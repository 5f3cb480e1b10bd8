package io.newsflow.events;

import java.time.Instant;

/**
 * A raw news article as published to {@code news.raw} (schema version 1). Readers must ignore fields they do not
 * know: within a schema version only additive changes are allowed.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION} for this record shape
 * @param id            stable article id, also the record key
 * @param source        the outlet that published the article (e.g. "Latin Times"), never null
 * @param url           canonical URL, when known
 * @param title         headline
 * @param body          article text; paragraphs separated by a blank line
 * @param caption       photo caption, when present
 * @param publishedAt   when the outlet published it (UTC), when known
 * @param ingestedAt    when newsflow read it (UTC)
 * @param language      ISO 639-1 code, when known
 */
public record Article(
        int schemaVersion,
        String id,
        String source,
        String url,
        String title,
        String body,
        String caption,
        Instant publishedAt,
        Instant ingestedAt,
        String language) {

    public static final int SCHEMA_VERSION = 1;

    /** The text of one of the three text fields a mention can point into. */
    public String field(TextField field) {
        return switch (field) {
            case TITLE -> title;
            case CAPTION -> caption;
            case BODY -> body;
        };
    }

    public Article withId(String newId) {
        return new Article(schemaVersion, newId, source, url, title, body, caption, publishedAt, ingestedAt, language);
    }
}
