package io.newsflow.enrich.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NgramLanguageIdentifierTest {
    static final NgramLanguageIdentifier DETECTOR = NgramLanguageIdentifier.standard();

    @Test
    void loadedOnceAndNamedInTheVersion() {
        assertSame(DETECTOR, NgramLanguageIdentifier.standard());
        assertEquals("lang-optimaize-0.6-36@0.8", DETECTOR.version());
    }

    @Test
    void unknownRatherThanAGuess() {
        assertNull(DETECTOR.identify(""));
        assertNull(DETECTOR.identify("   \n "));
        assertNull(DETECTOR.identify("12:30 2 - 1 3 - 0"), "no letters: unknown");
        assertNull(DETECTOR.identify(null));
    }

    @Test
    void aHeadlineInCapitalsIsNotTakenForGerman() {
        String shouted = "OIL PRICES FALL AS PRODUCERS AGREE TO RAISE OUTPUT NEXT MONTH";
        assertEquals("en", DETECTOR.identify(shouted));
        assertEquals("oil prices fall as producers agree to raise output next month\nThe Body stays",
                NgramLanguageIdentifier.unshout(shouted + "\nThe Body stays"));
        assertEquals("Talks with the EU and NATO", NgramLanguageIdentifier.unshout("Talks with the EU and NATO"),
                "acronyms in a line of ordinary case are kept");
    }

    @Test
    void declaredTagsAreReadAsIso6391() {
        assertEquals("en", ArticleLanguage.normalise("en-US"));
        assertEquals("en", ArticleLanguage.normalise(" EN "));
        assertEquals("pt", ArticleLanguage.normalise("pt_BR"));
        assertNull(ArticleLanguage.normalise("english"));
        assertNull(ArticleLanguage.normalise("eng"));
        assertNull(ArticleLanguage.normalise(""));
        assertNull(ArticleLanguage.normalise(null));
    }

    @Test
    void onlyTheStartOfAHugeBodyIsRead() {
        String french = LanguageSample.writtenArticle("fr", 0).body();
        String body = (french + " ").repeat(10) + "zzz qqq ".repeat(200_000);
        Article huge = new Article(1, "h", "W", null, "Titre", body, null, null, Instant.EPOCH, null);
        assertTrue(ArticleLanguage.text(huge).length() <= NgramLanguageIdentifier.MAX_CHARS + 1);
        assertEquals(new ArticleLanguage("fr", "detected"), ArticleLanguage.resolve(huge, DETECTOR));
    }

    @Test
    void randomTextNeverThrowsAndThreadsAgree() throws Exception {
        Random r = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(300);
            for (int k = 0; k < n; k++) {
                b.append((char) (r.nextBoolean() ? 'a' + r.nextInt(26) : r.nextInt(0x3000)));
            }
            texts.add(b.toString());
        }
        List<String> once = new ArrayList<>();
        for (String t : texts) {
            once.add(DETECTOR.identify(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> texts.stream().map(DETECTOR::identify).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(once, run.get(), "the same answer on every thread and every call");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
