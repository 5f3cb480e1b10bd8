package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.newsflow.events.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The text rule of ingest: C0/C1 controls other than tab and newline go, \r\n and \r become \n, ids follow. */
class ArticleTextTest {
    @Test
    void controlCharactersAreRemovedAndLineBreaksUnified() {
        assertEquals("Caracas talks resume", ArticleText.clean("Caracas\u009d talks resume\u009d"));
        assertEquals("ab", ArticleText.clean("a\u009db"));
        assertEquals("a\tb\nc\nd\ne", ArticleText.clean("a\tb\r\nc\rd\ne"));
        assertEquals("xy", ArticleText.clean("\u0000x\u0007\u000B\u000C\u001F\u007F\u0080\u0085\u009Fy"));
        assertEquals("a\n\nb", ArticleText.clean("a\r\n\r\nb"));
        String clean = "Nothing to do here.\n\nÉtat, naïve – “quotes”.";
        assertSame(clean, ArticleText.clean(clean), "clean text is not copied");
        assertNull(ArticleText.clean(null));
    }

    @Test
    void everyFieldOfAJsonArticleIsCleanedAndTheIdIsOfTheCleanText() {
        String json = "{\"title\":\"Oil\\u009d deal\",\"body\":\"First\\u009d paragraph.\\r\\n\\r\\nSecond\\u0007.\","
                + "\"caption\":\"A\\u0085 caption\\r\"}";
        Article a = assertInstanceOf(SourceItem.Parsed.class, ArticleFiles.fromJson("t", json, Instant.EPOCH))
                .article();
        assertEquals("Oil deal", a.title());
        assertEquals("First paragraph.\n\nSecond.", a.body());
        assertEquals("A caption\n", a.caption());
        assertEquals(ArticleIds.of("Oil deal", "First paragraph.\n\nSecond."), a.id());
    }

    @Test
    void plainTextArticlesAreCleanedBeforeParsing() {
        Article a = assertInstanceOf(SourceItem.Parsed.class, ArticleFiles.fromText("t",
                "Title\u009d here\r\n\r\nBody\u0000 text.\r\n", Instant.EPOCH)).article();
        assertEquals("Title here", a.title());
        assertEquals("Body text.", a.body());
        assertEquals(ArticleIds.of("Title here", "Body text."), a.id());
    }
}
