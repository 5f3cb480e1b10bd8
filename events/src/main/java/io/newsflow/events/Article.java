package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param guid          the feed item's own guid (RSS guid, Atom id), when the article came from a feed; omitted
 *                      from JSON when null (added within v1)
 * @param publishedAtSource where {@code publishedAt} came from: {@code feed_published}, {@code feed_updated},
 *                      {@code html_meta} or {@code json_ld}; omitted from JSON when null (added within v1)
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
        String language,
        @JsonInclude(JsonInclude.Include.NON_NULL) String guid,
        @JsonInclude(JsonInclude.Include.NON_NULL) String publishedAtSource) {

    public static final int SCHEMA_VERSION = 1;

    /** An article without feed provenance (files, archives): {@code guid} and {@code publishedAtSource} null. */
    public Article(int schemaVersion, String id, String source, String url, String title, String body, String caption,
                   Instant publishedAt, Instant ingestedAt, String language) {
        this(schemaVersion, id, source, url, title, body, caption, publishedAt, ingestedAt, language, null, null);
    }

    /** The text of one of the three text fields a mention can point into. */
    public String field(TextField field) {
        return switch (field) {
            case TITLE -> title;
            case CAPTION -> caption;
            case BODY -> body;
        };
    }

    public Article withId(String newId) {
        return new Article(schemaVersion, newId, source, url, title, body, caption, publishedAt, ingestedAt, language,
                guid, publishedAtSource);
    }
}
