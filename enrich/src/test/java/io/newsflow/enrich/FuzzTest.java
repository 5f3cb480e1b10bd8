package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.JsonSchema;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Mention;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.Topics;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.PlainTextArticleParser;
import io.newsflow.ingest.SourceItem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the article parser and the enrich function: 110,000 random inputs. Bad input may be rejected
 * with a reason (the exceptions the contract names), nothing else may escape, and every event produced must
 * validate against the schema with every mention pointing at its text.
 */
class FuzzTest {
    static final long SEED = 20251128L;
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:'\"!?-()[]{}"
            + "\n\n\t©éñüçÁÉÓ’“”—–…/\\&%$#@<>*+=_|~`\u0000\u0007\u001B\u00A0\u200B\uD83D\uDE00";
    static final String[] WORDS = {"President", "Vladimir", "Putin", "Maduro", "Venezuela", "U.S.", "NATO", "oil",
        "talks", "troops", "Gen.", "Jr.", "the", "of", "'s", "Moscow", "Assembly", "Ministry", "OPEC", "said", "AFP",
        "https://example.org/a?b=c", "3.5%", "1,000", "--", "\"", "Mr.", "López", "al-Burhan", "F-35B", "\u00A9 2025"};

    static String randomText(Random r, int maxLen) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(maxLen + 1);
        while (sb.length() < len) {
            if (r.nextInt(3) == 0) {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            } else {
                sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(4) == 0 ? "\n" : " ");
            }
        }
        return sb.toString();
    }

    @Test
    void parserNeverThrowsAnythingButARejection() {
        Random r = new Random(SEED);
        int parsed = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(r, 400);
            try {
                var p = PlainTextArticleParser.parse(text);
                assertTrue(!p.title().isBlank() || !p.body().isBlank());
                parsed++;
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
        assertTrue(parsed > 10_000, "the generator must exercise the parse path too: " + parsed);
    }

    @Test
    void jsonLinesNeverThrowAndAlwaysGiveAnArticleOrAReason() {
        Random r = new Random(SEED + 1);
        String[] fields = {"title", "body", "id", "source", "published_at", "caption", "language", "schema_version"};
        int ok = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder json = new StringBuilder("{");
            int n = r.nextInt(5);
            for (int k = 0; k < n; k++) {
                json.append(k == 0 ? "" : ",").append('"').append(fields[r.nextInt(fields.length)]).append("\":");
                switch (r.nextInt(4)) {
                    case 0 -> json.append(r.nextInt(100));
                    case 1 -> json.append("null");
                    case 2 -> json.append('"').append(randomText(r, 40).replace("\\", "").replace("\"", "")
                            .replaceAll("[\\x00-\\x1F]", " ")).append('"');
                    default -> json.append(randomText(r, 10));
                }
            }
            if (r.nextInt(5) > 0) {
                json.append('}');
            }
            SourceItem item = ArticleFiles.fromJson("fuzz:" + i, json.toString(), Instant.EPOCH);
            if (item instanceof SourceItem.Parsed) {
                ok++;
            } else {
                assertTrue(!((SourceItem.Rejected) item).reason().isBlank());
            }
        }
        assertTrue(ok > 0, "some random objects are valid articles");
    }

    @Test
    void enrichNeverThrowsAnythingButARejectionAndEveryOutputValidates() {
        Random r = new Random(SEED + 2);
        Enricher enricher = Enricher.standard(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        JsonSchema schema = SchemaAssertions.ENRICHED;
        int enriched = 0;
        for (int i = 0; i < 40_000; i++) {
            Article a = new Article(1, "id" + i, "Fuzz", null, randomText(r, 80), randomText(r, 600),
                    r.nextBoolean() ? null : randomText(r, 60), null, Instant.EPOCH, "en");
            EnrichedArticle e;
            try {
                e = enricher.enrich(a.id(), a);
            } catch (InvalidEventException rejected) {
                assertTrue(rejected.getMessage().contains("control character")
                        || rejected.getMessage().contains("blank") || rejected.getMessage().contains("HTML"),
                        rejected.getMessage());
                continue;
            }
            enriched++;
            for (var entity : e.entities()) {
                for (Mention m : entity.mentions()) {
                    String text = a.field(m.field());
                    assertTrue(m.end() <= text.length() && !text.substring(m.start(), m.end()).isBlank(),
                            () -> "mention " + m + " of " + entity.name());
                }
            }
            var errors = SchemaAssertions.errors(schema, Topics.ENRICHED_SERDE.toBytes(e));
            assertEquals(java.util.Set.of(), errors, "input " + i);
        }
        assertTrue(enriched > 10_000, "most random articles are enriched: " + enriched);
    }
}
