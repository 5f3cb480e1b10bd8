package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.Seeds;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Spanish seed article through the whole enricher: detected as Spanish, tagged by the Spanish model, its
 * countries linked by their Spanish names, and no English topic model's guesses presented as labels.
 */
class SpanishArticleTest {
    @Test
    void theSpanishSeedGetsSpanishEntitiesLinkedAndNoTopicScores() throws Exception {
        Path file;
        try (Stream<Path> files = Files.list(Seeds.dir())) {
            file = files.filter(p -> p.getFileName().toString().startsWith("013_es-")).findFirst().orElseThrow();
        }
        Article article = ((SourceItem.Parsed) ArticleFiles.fromText("seed-es", Files.readString(file),
                Instant.EPOCH)).article();
        EnrichedArticle event = Enricher.standard(Clock.systemUTC()).enrich(article);
        assertEquals("es", event.language());
        assertEquals("detected", event.languageSource());
        assertEquals("ner-perceptron-conll02-es-1", event.entityModel());
        assertEquals(EnrichedArticle.NONE, event.topicModel());
        assertTrue(event.labels().isEmpty() && event.topics().isEmpty());
        // The article lists the countries the festival's companies come from, in Spanish: "España", "Italia".
        Entity spain = event.entities().stream().filter(e -> e.name().equals("España")).findFirst().orElseThrow();
        assertEquals("Q29", spain.wikidata());
        assertEquals("ES", spain.country());
        Entity italy = event.entities().stream().filter(e -> e.name().equals("Italia")).findFirst().orElseThrow();
        assertEquals("IT", italy.country());
        Entity seville = event.entities().stream().filter(e -> e.name().equals("Sevilla")).findFirst()
                .orElseThrow();
        assertEquals("ES", seville.country());
        assertNotNull(seville.lat());
        assertEquals(37.4, seville.lat(), 0.2);
    }
}
