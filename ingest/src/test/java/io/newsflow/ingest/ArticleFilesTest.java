package io.newsflow.ingest;
import io.newsflow.events.Seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static List<SourceItem> read(Path... paths) {
        List<SourceItem> items = new ArrayList<>();
        new ArticleFiles(CLOCK).read(List.of(paths), items::add);
        return items;
    }

    @Test
    void seedBecomesAValidArticle() {
        List<SourceItem> items = read(Seeds.seedArticle());
        Article a = assertInstanceOf(SourceItem.Parsed.class, items.get(0)).article();
        assertEquals("Latin Times", a.source());
        assertNull(a.language(), "a text file declares no language; ingest does not guess (enrich detects)");
        assertEquals(NOW, a.ingestedAt());
        assertEquals(16, a.id().length());
        SchemaAssertions.assertValid(SchemaAssertions.ARTICLE, Topics.ARTICLE_SERDE.toBytes(a));
    }

    @Test
    void idIsStableAcrossCopiesAndFormattingButNotContent(@TempDir Path dir) throws Exception {
        String seed = Files.readString(Seeds.seedArticle());
        Files.writeString(dir.resolve("a.txt"), seed);
        Files.writeString(dir.resolve("b.txt"), seed.replace("\n", "\r\n").replace("  ", " "));
        Files.writeString(dir.resolve("c.txt"), seed.replace("Thursday", "Friday"));
        List<SourceItem> items = read(dir);
        String a = ((SourceItem.Parsed) items.get(0)).article().id();
        assertEquals(a, ((SourceItem.Parsed) items.get(1)).article().id());
        assertNotEquals(a, ((SourceItem.Parsed) items.get(2)).article().id());
        assertEquals(ArticleIds.of("Title", "Body  text"), ArticleIds.of(" title ", "body\ntext"));
    }

    @Test
    void directoriesAreReadRecursivelyAndNonArticleFilesSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("x/y"));
        Files.writeString(dir.resolve("x/y/deep.txt"), "Deep title\n\nDeep body.\n");
        Files.writeString(dir.resolve("README.md"), "# not an article");
        ArticleFiles files = new ArticleFiles(CLOCK);
        List<SourceItem> items = new ArrayList<>();
        files.read(List.of(dir), items::add);
        assertEquals(1, items.size());
        assertEquals("Deep title", ((SourceItem.Parsed) items.get(0)).article().title());
        assertEquals(List.of(dir.resolve("README.md").toString()), files.skipped());
    }

    @Test
    void jsonlArchiveKeepsPublishedAtAndRejectsBadLinesWithLineNumbers(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("h.jsonl");
        Files.writeString(archive, String.join("\n",
                "{\"title\":\"Old news\",\"body\":\"Text.\",\"source\":\"Wire\",\"published_at\":\"2019-03-14T09:30:00Z\"}",
                "{broken",
                "{\"title\":\"No body\"}",
                "{\"title\":5,\"body\":\"x\"}",
                "[1]",
                "{\"title\":\"t\",\"body\":\"b\",\"published_at\":\"yesterday\"}",
                "{\"title\":\"t\",\"body\":\"b\",\"schema_version\":2}",
                "") + "\n");
        List<SourceItem> items = read(archive);
        Article old = ((SourceItem.Parsed) items.get(0)).article();
        assertEquals(Instant.parse("2019-03-14T09:30:00Z"), old.publishedAt());
        assertEquals("Wire", old.source());
        assertReject(items.get(1), archive + ":2", "malformed JSON");
        assertReject(items.get(2), archive + ":3", "missing field 'body'");
        assertReject(items.get(3), archive + ":4", "field 'title' must be a string");
        assertReject(items.get(4), archive + ":5", "expected a JSON object");
        assertReject(items.get(5), archive + ":6", "published_at is not an ISO-8601 instant");
        assertReject(items.get(6), archive + ":7", "unsupported schema_version");
        assertEquals(7, items.size());
    }

    @Test
    void oneBadLineOrOneHugeArticleCostsNoGoodOne(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("mixed.jsonl");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("{\"title\":\"One\",\"body\":\"First.\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[]{'{', '"', 't', (byte) 0xFF, '"', '}', '\n'});
        b.writeBytes(("{\"title\":\"Big\",\"body\":\"" + "x".repeat(io.newsflow.events.ArticleSize.MAX_BODY_BYTES + 1)
                + "\"}\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"title\":\"Two\",\"body\":\"Second.\"}".getBytes(StandardCharsets.UTF_8));
        Files.write(jsonl, b.toByteArray());
        List<SourceItem> items = read(jsonl);
        assertEquals("One", ((SourceItem.Parsed) items.get(0)).article().title());
        assertReject(items.get(1), jsonl + ":2", "not valid UTF-8");
        assertReject(items.get(2), jsonl + ":3", "article too large: body of 1048577 bytes is over the limit of "
                + "1048576 bytes");
        assertEquals("Two", ((SourceItem.Parsed) items.get(3)).article().title());
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[io.newsflow.events.ArticleSize.MAX_INPUT_BYTES + 1]);
        assertReject(read(big).get(0), big.toString(), "over the limit of " + ArticleFiles.MAX_INPUT_BYTES);
    }

    @Test
    void badFilesAreRejectedWithNameAndReason(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("bin.txt");
        Files.write(binary, new byte[]{(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n\n");
        Path other = dir.resolve("notes.pdf");
        Files.writeString(other, "x", StandardCharsets.UTF_8);
        List<SourceItem> items = read(binary, empty, other, dir.resolve("missing.txt"));
        assertReject(items.get(0), binary.toString(), "not valid UTF-8");
        assertReject(items.get(1), empty.toString(), "empty file");
        assertReject(items.get(2), other.toString(), "unsupported file type");
        assertReject(items.get(3), dir.resolve("missing.txt").toString(), "no such file");
    }

    @Test
    void aDeclaredLanguageIsPassedOnAndNoneIsGuessed() {
        Article declared = ((SourceItem.Parsed) ArticleFiles.fromJson("x", "{\"title\": \"Le titre\", "
                + "\"body\": \"Le gouvernement a présenté mardi un programme pour les écoles.\", \"language\": \"fr\"}",
                NOW)).article();
        assertEquals("fr", declared.language());
        Article undeclared = ((SourceItem.Parsed) ArticleFiles.fromJson("x", "{\"title\": \"Le titre\", "
                + "\"body\": \"Le gouvernement a présenté mardi un programme pour les écoles.\"}", NOW)).article();
        assertNull(undeclared.language(), "enrich detects the language of an article that declares none");
    }

    @Test
    void everySeedFileParses() {
        List<SourceItem> items = read(Seeds.dir());
        assertTrue(items.size() >= 18, "13+ text articles and an archive: " + items.size());
        for (SourceItem item : items) {
            assertInstanceOf(SourceItem.Parsed.class, item, item::toString);
        }
        long declared = items.stream().map(i -> ((SourceItem.Parsed) i).article().language())
                .filter(java.util.Objects::nonNull).count();
        assertEquals(5, declared, "only the archive's JSON lines declare a language; ingest guesses none");
    }

    private static void assertReject(SourceItem item, String origin, String reason) {
        SourceItem.Rejected r = assertInstanceOf(SourceItem.Rejected.class, item, item::toString);
        assertEquals(origin, r.origin());
        assertTrue(r.reason().contains(reason), () -> r.reason() + " lacks " + reason);
    }
}
