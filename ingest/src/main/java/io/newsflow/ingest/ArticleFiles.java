package io.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.Article;
import io.newsflow.events.ArticleSize;
import io.newsflow.events.Topics;
import io.newsflow.events.EventValidation;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns files, directories (recursively, in name order) and JSONL archives into articles. Every input ends as a
 * parsed article or a rejection with a reason; a bad file never stops the others, and in JSON Lines a bad line
 * never stops the good ones (each line is read on its own by {@link LineReader}). Text goes through
 * {@link ArticleText#clean} before the id is derived, and an article over the {@link ArticleSize} limits is
 * rejected here, before anything is sent. Inside directories only article
 * files (.txt, .json, .jsonl, .ndjson) are read; other files there (a README, say) are reported as skipped.
 */
public final class ArticleFiles {
    /** .txt and .json files, and JSON Lines lines, larger than this are rejected unread. */
    public static final int MAX_INPUT_BYTES = ArticleSize.MAX_INPUT_BYTES;
    /** The values {@code published_at_source} may take (an archive dumped from news.raw carries them). */
    static final List<String> PUBLISHED_AT_SOURCES = List.of("feed_published", "feed_updated", "html_meta", "json_ld");

    private final Clock clock;
    private final List<String> skipped = new ArrayList<>();

    public ArticleFiles(Clock clock) {
        this.clock = clock;
    }

    /** Files inside directories that were not article files, for the summary. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public void read(List<Path> inputs, Consumer<SourceItem> sink) {
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    sink.accept(new SourceItem.Rejected(input.toString(), "cannot list directory: " + e.getMessage()));
                    continue;
                }
                for (Path file : files) {
                    if (kind(file) == Kind.OTHER || file.getFileName().toString().startsWith(".")) {
                        skipped.add(file.toString());
                    } else {
                        readFile(file, sink);
                    }
                }
            } else if (Files.isRegularFile(input)) {
                readFile(input, sink);
            } else {
                sink.accept(new SourceItem.Rejected(input.toString(), "no such file or directory"));
            }
        }
    }

    enum Kind { TEXT, JSON, JSONL, OTHER }

    static Kind kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Kind.TEXT;
        } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Kind.JSONL;
        } else if (name.endsWith(".json")) {
            return Kind.JSON;
        }
        return Kind.OTHER;
    }

    void readFile(Path file, Consumer<SourceItem> sink) {
        String origin = file.toString();
        Kind kind = kind(file);
        if (kind == Kind.OTHER) {
            sink.accept(new SourceItem.Rejected(origin, "unsupported file type (expected .txt, .json, .jsonl)"));
            return;
        }
        if (kind == Kind.JSONL) {
            readLines(file, sink);
            return;
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                sink.accept(new SourceItem.Rejected(origin, "article too large: file of " + size
                        + " bytes is over the limit of " + MAX_INPUT_BYTES + " bytes"));
                return;
            }
            text = decodeUtf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            sink.accept(new SourceItem.Rejected(origin, "not valid UTF-8 text"));
            return;
        } catch (IOException e) {
            sink.accept(new SourceItem.Rejected(origin, "cannot read: " + e.getMessage()));
            return;
        }
        Instant now = clock.instant();
        sink.accept(kind == Kind.TEXT ? fromText(origin, text, now) : fromJson(origin, text, now));
    }

    /**
     * A JSON Lines file, streamed: every line is its own article or its own rejection ("file:LINE"), whatever
     * the lines around it hold. Blank lines are skipped. An I/O error midway rejects the rest of the file only.
     */
    public void readLines(Path file, Consumer<SourceItem> sink) {
        String origin = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            LineReader.read(in, MAX_INPUT_BYTES, line -> {
                String where = origin + ":" + line.number();
                if (line instanceof LineReader.Bad bad) {
                    sink.accept(new SourceItem.Rejected(where, bad.reason()));
                } else if (line instanceof LineReader.Text t && !t.text().isBlank()) {
                    sink.accept(fromJson(where, t.text(), clock.instant()));
                }
            });
        } catch (IOException e) {
            sink.accept(new SourceItem.Rejected(origin, "cannot read: " + e.getMessage()));
        }
    }

    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** A plain-text article in the seed format. */
    public static SourceItem fromText(String origin, String text, Instant ingestedAt) {
        try {
            ParsedText p = PlainTextArticleParser.parse(ArticleText.clean(text));
            return checked(origin, new Article(Article.SCHEMA_VERSION, ArticleIds.of(p.title(), p.body()),
                    p.source() == null ? "unknown" : p.source(), null, p.title(), p.body(), p.caption(), null,
                    ingestedAt, null));
        } catch (IllegalArgumentException e) {
            return new SourceItem.Rejected(origin, e.getMessage());
        }
    }

    /**
     * One Article-shaped JSON object: {@code title} and {@code body} are required; {@code id} is derived from the
     * content when absent; {@code source}, {@code url}, {@code caption}, {@code published_at}, {@code language}
     * are optional; {@code ingested_at} is always the time of this ingest.
     */
    public static SourceItem fromJson(String origin, String json, Instant ingestedAt) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return new SourceItem.Rejected(origin, "malformed JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            return new SourceItem.Rejected(origin, "expected a JSON object, found " + (node == null ? "nothing"
                    : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        try {
            int version = node.has("schema_version") ? node.get("schema_version").asInt(-1) : Article.SCHEMA_VERSION;
            if (version != Article.SCHEMA_VERSION) {
                return new SourceItem.Rejected(origin, "unsupported schema_version " + node.get("schema_version"));
            }
            String title = ArticleText.clean(text(node, "title", true));
            String body = ArticleText.clean(text(node, "body", true));
            String id = text(node, "id", false);
            String source = text(node, "source", false);
            String published = text(node, "published_at", false);
            Instant publishedAt = published == null ? null : Instant.parse(published);
            String language = text(node, "language", false);
            String publishedAtSource = text(node, "published_at_source", false);
            if (publishedAtSource != null && !PUBLISHED_AT_SOURCES.contains(publishedAtSource)) {
                return new SourceItem.Rejected(origin, "published_at_source must be one of " + PUBLISHED_AT_SOURCES
                        + ", found '" + publishedAtSource + "'");
            }
            Article article = new Article(Article.SCHEMA_VERSION,
                    id == null || id.isBlank() ? ArticleIds.of(title, body) : id,
                    source == null ? "unknown" : source, text(node, "url", false), title, body,
                    ArticleText.clean(text(node, "caption", false)), publishedAt, ingestedAt,
                    language,
                    text(node, "guid", false), publishedAtSource);
            return checked(origin, article);
        } catch (DateTimeParseException e) {
            return new SourceItem.Rejected(origin, "published_at is not an ISO-8601 instant: " + e.getParsedString());
        } catch (IllegalArgumentException e) {
            return new SourceItem.Rejected(origin, e.getMessage());
        }
    }

    private static SourceItem checked(String origin, Article article) {
        try {
            return new SourceItem.Parsed(origin, accept(article));
        } catch (InvalidEventException e) {
            return new SourceItem.Rejected(origin, e.getMessage());
        }
    }

    /**
     * The checks every ingested article passes before it may be sent: the event rules, then the size limits
     * ({@link ArticleSize}), so a too-large article is a rejection naming the limit, never a failed send.
     *
     * @throws InvalidEventException with the reason
     */
    public static Article accept(Article article) {
        EventValidation.validate(article);
        long body = ArticleSize.utf8Length(article.body());
        if (body > ArticleSize.MAX_BODY_BYTES) {
            throw new InvalidEventException("article too large: body of " + body + " bytes is over the limit of "
                    + ArticleSize.MAX_BODY_BYTES + " bytes");
        }
        int value = Topics.ARTICLE_SERDE.toBytes(article).length;
        if (value > ArticleSize.MAX_RAW_VALUE_BYTES) {
            throw new InvalidEventException("article too large: " + value + " bytes of JSON is over the limit of "
                    + ArticleSize.MAX_RAW_VALUE_BYTES + " bytes");
        }
        return article;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing field '" + field + "'");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string, found "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
