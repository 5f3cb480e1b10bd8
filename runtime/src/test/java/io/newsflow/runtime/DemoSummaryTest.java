package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.Enricher;
import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a newcomer sees at the end of the demo. */
class DemoSummaryTest {
    static EnrichedArticle event(String title, String body) {
        return Enricher.standard(Clock.systemUTC()).enrich(new Article(1, "id-" + title.length(), "test", null, title,
                body, null, null, Instant.EPOCH, "en"));
    }

    @Test
    void theSummaryIsLastAndTheJsonOnlyOnRequest() {
        EnrichedArticle a = event("Russia and Venezuela sign a military pact", "Russian President Vladimir Putin "
                + "and Venezuelan President Nicolas Maduro signed a defence pact in Moscow; warships will visit.");
        Demo.Result r = new Demo.Result(1, 1, 0, Map.of("diplomacy", 1), 1, a, 4.2, List.of(a));
        String plain = print(r, false);
        String[] lines = plain.strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("end to end 4.2 s"), plain);
        assertTrue(plain.contains("Russia and Venezuela sign a military pact"), plain);
        String row = plain.lines().filter(l -> l.startsWith("Russia and Venezuela")).findFirst().orElseThrow();
        assertTrue(row.contains("diplomacy") && row.contains("Venezuela"), "labels and top entities: " + row);
        assertFalse(plain.contains("\"schema_version\""), "no JSON without --show-json");
        assertTrue(lines.length < 15, "a screen, not a page: " + lines.length + " lines");

        String json = print(r, true);
        assertTrue(json.indexOf("\"schema_version\"") < json.indexOf("== newsflow demo summary =="), json);
    }

    static String print(Demo.Result r, boolean showJson) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Demo.print(r, Path.of("out"), new PrintStream(b, true, StandardCharsets.UTF_8), showJson);
        return b.toString(StandardCharsets.UTF_8);
    }
}
