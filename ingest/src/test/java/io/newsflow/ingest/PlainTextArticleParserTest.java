package io.newsflow.ingest;
import io.newsflow.events.Seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class PlainTextArticleParserTest {
    @Test
    void parsesEachPartOfTheSeed() throws Exception {
        ParsedText p = PlainTextArticleParser.parse(Files.readString(Seeds.seedArticle()));
        assertEquals("Venezuela's Nicolas Maduro and Russia's Vladimir Putin", p.title());
        assertTrue(p.caption().startsWith("Russian President Vladimir Putin and Venezuelan President Nicolas Maduro"));
        assertTrue(p.caption().endsWith("Photo by ALEXANDER NEMENOV/AFP via Getty Images"));
        assertEquals("Latin Times", p.source());
        assertEquals(2025, p.copyrightYear());
        String[] paragraphs = p.body().split("\n\n");
        assertEquals(7, paragraphs.length, "the seed has seven body paragraphs");
        assertTrue(paragraphs[0].startsWith("Venezuela's National Assembly approved in a first vote"));
        assertTrue(paragraphs[6].endsWith("extending their partnership until 2035."));
        assertTrue(!p.body().contains("©") && !p.body().contains("All rights reserved"), "© line is not body");
        assertTrue(!p.body().contains("Photo by"), "caption is not body");
    }

    @Test
    void captionIsOptionalAndCopyrightLineToo() {
        ParsedText p = PlainTextArticleParser.parse("Headline\n\nFirst para\ncontinues.\n\nSecond.\n");
        assertEquals("Headline", p.title());
        assertNull(p.caption());
        assertNull(p.source());
        assertEquals("First para continues.\n\nSecond.", p.body());
    }

    @Test
    void windowsLineEndingsAndBomAreHandled() {
        ParsedText p = PlainTextArticleParser.parse("\uFEFFTitle\r\nCaption line\r\n\r\nBody.\r\n\r\n(c) 2024 Wire Co.\r\n");
        assertEquals("Title", p.title());
        assertEquals("Caption line", p.caption());
        assertEquals("Body.", p.body());
        assertEquals("Wire Co", p.source());
    }

    @Test
    void titleOnlyOrEmptyIsRejectedWithReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlainTextArticleParser.parse(" \n\n"))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlainTextArticleParser.parse("Only a title\n"))
                .getMessage().contains("no body"));
    }
}
