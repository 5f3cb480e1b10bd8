package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Seeds;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spanish extractor ({@code ner-perceptron-conll02-es-1}): loading by language, a sentence written for this
 * test, and the Spanish seed article, whose entities were checked by reading the article. The CoNLL-2002 score is
 * in newsflow-tools ({@code ConllDataTest}).
 */
class SpanishNerTest {
    static NerEntityExtractor spanish;
    static List<Entity> seedEntities;
    static Map<String, EntityType> seed;

    @BeforeAll
    static void extract() throws Exception {
        spanish = NerEntityExtractor.forLanguage("es").orElseThrow();
        Path file;
        try (Stream<Path> files = Files.list(Seeds.dir())) {
            file = files.filter(p -> p.getFileName().toString().startsWith("013_es-")).findFirst().orElseThrow();
        }
        Article article = ((SourceItem.Parsed) ArticleFiles.fromText("seed-es", Files.readString(file),
                Instant.EPOCH)).article();
        seedEntities = spanish.extract(article);
        seed = seedEntities.stream().collect(Collectors.toMap(Entity::name, Entity::type, (a, b) -> a));
    }

    @Test
    void loadsTheSpanishModelByLanguage() {
        assertEquals("ner-perceptron-conll02-es-1", spanish.version());
        assertSame(spanish, NerEntityExtractor.forLanguage("es-MX").orElseThrow());
        assertSame(spanish, NerEntityExtractor.forLanguage("ES").orElseThrow());
        assertSame(NerEntityExtractor.loadDefault(), NerEntityExtractor.forLanguage("en").orElseThrow());
        assertTrue(NerEntityExtractor.forLanguage("fr").isEmpty());
        assertTrue(NerEntityExtractor.forLanguage(null).isEmpty());
    }

    @Test
    void tagsASpanishSentence() {
        String text = "El presidente del Gobierno, Pedro Sánchez, viajó ayer a Buenos Aires para reunirse con "
                + "directivos de Repsol y de la Unión Europea.";
        Map<String, EntityType> found = spanish.extract(new Article(Article.SCHEMA_VERSION, "es-1", "test", null,
                        "", text, null, null, Instant.EPOCH, "es")).stream()
                .collect(Collectors.toMap(Entity::name, Entity::type));
        assertEquals(EntityType.PERSON, found.get("Pedro Sánchez"), found::toString);
        assertEquals(EntityType.LOCATION, found.get("Buenos Aires"), found::toString);
        assertEquals(EntityType.ORGANIZATION, found.get("Repsol"), found::toString);
        assertEquals(EntityType.ORGANIZATION, found.get("Unión Europea"), found::toString);
        assertFalse(found.containsKey("El"), found::toString);
    }

    /** Real places, people and bodies the article names (México under the gazetteer's name). */
    @ParameterizedTest
    @CsvSource({"Almagro, LOCATION", "Portugal, LOCATION", "Mexico, LOCATION", "Argentina, LOCATION",
        "Sevilla, LOCATION", "William Shakespeare, PERSON", "Tirso de Molina, PERSON",
        "Junta de Comunidades de Castilla-La Mancha, ORGANIZATION", "Crónica Manchega, ORGANIZATION"})
    void findsTheSeedArticlesEntities(String name, EntityType type) {
        assertEquals(type, seed.get(name), () -> name + " in " + seed);
    }

    /** What the English model gave: a lone "Ciudad", the photo credit, a sentence-initial verb, an article. */
    @ParameterizedTest
    @ValueSource(strings = {"Ciudad", "Foto", "Foto de Lucía", "Foto de LUCÍA", "Hemos", "La", "Lucía Moreno",
        "MORENO", "Moreno", "de Almagro", "de España"})
    void givesNoJunkOnTheSeedArticle(String junk) {
        assertFalse(seed.containsKey(junk), () -> junk + " in " + seed);
    }

    @Test
    void noSeedEntityCarriesTheCreditOrAFullStop() {
        for (Entity e : seedEntities) {
            assertFalse(e.name().toUpperCase(java.util.Locale.ROOT).contains("MORENO"), e::toString);
            assertFalse(e.name().startsWith("Foto"), e::toString);
            assertFalse(e.name().endsWith("."), e::toString);
        }
    }
}
