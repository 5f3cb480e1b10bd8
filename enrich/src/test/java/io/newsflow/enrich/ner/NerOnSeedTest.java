package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.Seeds;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled model on the seed article: links to countries (issue 3); names and types are in BaselineOnSeedTest. */
class NerOnSeedTest {
    static Map<String, Entity> byName;

    @BeforeAll
    static void extract() throws Exception {
        Article seed = ((SourceItem.Parsed) ArticleFiles.fromText("seed", Files.readString(Seeds.seedArticle()),
                Instant.EPOCH)).article();
        byName = NerEntityExtractor.loadDefault().extract(seed).stream()
                .collect(Collectors.toMap(Entity::name, Function.identity()));
    }

    @ParameterizedTest
    @CsvSource({"Venezuela, VE", "Russia, RU", "United States, US", "Nicolás Maduro, VE", "Vladimir Putin, RU",
        "Donald Trump, US", "Marco Rubio, US", "Moscow, RU", "Caracas, VE"})
    void linksCountries(String name, String country) {
        assertTrue(byName.containsKey(name), () -> name + " not among " + byName.keySet());
        assertEquals(country, byName.get(name).country(), name);
    }

    @Test
    void nationalityWordsAreMiscLinkedToTheirCountry() {
        assertEquals("RU", byName.get("Russian").country());
        assertEquals("VE", byName.get("Venezuelan").country());
        assertEquals("Q7747", byName.get("Vladimir Putin").wikidata());
    }

    @Test
    void versionNamesTheModel() {
        assertEquals("ner-perceptron-conll03-2", NerEntityExtractor.loadDefault().version());
    }
}
