package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewsTokenizerTest {
    static List<String> words(String text) {
        TokenizedText t = NewsTokenizer.tokenize(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.word(i));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Venezuela's Nicolás Maduro met Gen. Padrino López, Jr. in Caracas.",
        "The U.S. deployed F-35B jets \u2014 and \u201cwarships\u201d \u2013 worth $1,200.5 million (see https://example.org/a?b=1).",
        "\"All in favor,\" Rodríguez said... O'Brien's 2-1 win; e.g. 3:30 p.m. AT&T Inc. fell 4.5%.",
        "  leading and trailing spaces\n\nand a paragraph  "})
    void everyTokenMapsBackToItsSurfaceText(String text) {
        TokenizedText t = NewsTokenizer.tokenize(text);
        int previousEnd = 0;
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.word(i), text.substring(t.start(i), t.end(i)));
            assertTrue(t.start(i) >= previousEnd, "tokens do not overlap");
            assertTrue(text.substring(previousEnd, t.start(i)).isBlank(), "only white space is dropped");
            previousEnd = t.end(i);
        }
        assertTrue(text.substring(previousEnd).isBlank());
    }

    @Test
    void possessivesAbbreviationsAndInitials() {
        assertEquals(List.of("Venezuela", "'s", "National", "Assembly"), words("Venezuela's National Assembly"));
        assertEquals(List.of("Russia", "\u2019s", "Putin"), words("Russia\u2019s Putin"));
        assertEquals(List.of("the", "U.S.", "and", "Gen.", "Smith", "Jr.", "and", "John", "F.", "Kennedy"),
                words("the U.S. and Gen. Smith Jr. and John F. Kennedy"));
    }

    @Test
    void hyphensNumbersDashesQuotesUrlsAccents() {
        assertEquals(List.of("F-35B", "Anglo-Dutch", "1,200.5", "2-1", "\u2014", "--", "\u201c", "López", "\u201d"),
                words("F-35B Anglo-Dutch 1,200.5 2-1 \u2014 -- \u201cLópez\u201d"));
        assertEquals(List.of("see", "https://example.org/a?b=1", ")", "."), words("see https://example.org/a?b=1)."));
        assertEquals(List.of("He", "said", "...", "no"), words("He said... no"));
    }

    @Test
    void sentencesEndAtStopsBeforeCapitalsButNotAfterTitles() {
        TokenizedText t = NewsTokenizer.tokenize(
                "Gen. Padrino spoke. \"No,\" he said. It rained in the U.S. on Monday.\nNew paragraph");
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.sentenceStart(i)) {
                starts.add(t.word(i));
            }
        }
        assertEquals(List.of("Gen.", "\"", "It", "New"), starts);
        assertFalse(t.sentenceStart(1), "Padrino follows a title abbreviation");
    }
}
