package io.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.Article;
import io.newsflow.events.EventValidation;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Json;
import java.io.IOException;
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
 * parsed article or a rejection with a reason; a bad file never stops the others. Inside directories only article
 * files (.txt, .json, .jsonl, .ndjson) are read; other files there (a README, say) are reported as skipped.
 */
public final class ArticleFiles {
    /** Files larger than this are rejected rather than read into memory. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
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
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                sink.accept(new SourceItem.Rejected(origin, "file larger than " + MAX_FILE_BYTES + " bytes"));
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
        switch (kind) {
            case TEXT -> sink.accept(fromText(origin, text, now));
            case JSON -> sink.accept(fromJson(origin, text, now));
            case JSONL -> {
                String[] lines = text.split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        sink.accept(fromJson(origin + ":" + (i + 1), lines[i], now));
                    }
                }
            }
            default -> throw new IllegalStateException(kind.name());
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
            ParsedText p = PlainTextArticleParser.parse(text);
            return checked(origin, new Article(Article.SCHEMA_VERSION, ArticleIds.of(p.title(), p.body()),
                    p.source() == null ? "unknown" : p.source(), null, p.title(), p.body(), p.caption(), null,
                    ingestedAt, LanguageGuesser.guess(p.title() + "\n" + p.body())));
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
            String title = text(node, "title", true);
            String body = text(node, "body", true);
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
                    text(node, "caption", false), publishedAt, ingestedAt,
                    language != null ? language : LanguageGuesser.guess(title + "\n" + body),
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
            return new SourceItem.Parsed(origin, EventValidation.validate(article));
        } catch (InvalidEventException e) {
            return new SourceItem.Rejected(origin, e.getMessage());
        }
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
