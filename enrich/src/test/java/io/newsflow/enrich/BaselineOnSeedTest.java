package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import io.newsflow.events.SchemaAssertions;
import io.newsflow.events.TopicScore;
import io.newsflow.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The list of entities and labels the issue asks of the baseline on the seed article, checked one by one. */
class BaselineOnSeedTest {
    static Article seed;
    static EnrichedArticle enriched;
    static Map<String, Entity> byName;

    @BeforeAll
    static void enrichSeed() {
        seed = SeedArticle.load();
        enriched = Enricher.standard(Clock.fixed(Instant.parse("2025-09-19T08:00:01Z"), ZoneOffset.UTC))
                .enrich(seed.id(), seed);
        byName = enriched.entities().stream().collect(Collectors.toMap(Entity::name, Function.identity()));
    }

    @ParameterizedTest
    @CsvSource({
        "Nicolás Maduro, PERSON", "Vladimir Putin, PERSON", "Donald Trump, PERSON", "Marco Rubio, PERSON",
        "Jorge Rodríguez, PERSON", "Roy Daza, PERSON", "Vladimir Padrino López, PERSON",
        "Venezuela, LOCATION", "Russia, LOCATION", "Moscow, LOCATION", "Caracas, LOCATION", "Caribbean, LOCATION",
        "United States, LOCATION", "La Orchila, LOCATION",
        "National Assembly, ORGANIZATION", "France 24, ORGANIZATION"})
    void findsEachRequiredEntity(String name, EntityType type) {
        Entity e = byName.get(name);
        assertNotNull(e, () -> name + " not among " + byName.keySet());
        assertEquals(type, e.type(), name);
    }

    @Test
    void thePhotoCreditGivesNoEntity() {
        // "Photo by ALEXANDER NEMENOV/AFP via Getty Images" credits the picture; it says nothing of the story.
        assertFalse(byName.containsKey("Agence France-Presse"), () -> byName.keySet().toString());
        assertTrue(byName.keySet().stream().noneMatch(n -> n.contains("NEMENOV") || n.contains("Getty")),
                () -> byName.keySet().toString());
    }

    @Test
    void shortMentionsJoinTheFullName() {
        assertEquals(List.of("Nicolas Maduro", "Nicolas Maduro", "Maduro", "Maduro"), surfaces("Nicolás Maduro"));
        assertEquals(List.of("Roy Daza", "Daza"), surfaces("Roy Daza"));
        assertFalse(byName.containsKey("Daza"), "no separate entity for the surname");
        assertFalse(byName.containsKey("Maduro"));
    }

    @Test
    void everyMentionPointsAtItsSurfaceText() {
        for (Entity e : enriched.entities()) {
            for (Mention m : e.mentions()) {
                String surface = seed.field(m.field()).substring(m.start(), m.end());
                assertFalse(surface.isBlank());
                assertEquals(surface, surface.strip(), "no surrounding spaces: " + e.name());
            }
        }
        Mention putinInTitle = byName.get("Vladimir Putin").mentions().get(0);
        assertEquals("title", putinInTitle.field().json());
        assertEquals(seed.title().indexOf("Vladimir Putin"), putinInTitle.start());
    }

    @Test
    void labelsDiplomacyAndMilitaryWithSomeEnergyBelowDiplomacy() {
        assertEquals(List.of("diplomacy", "military"), enriched.labels());
        Map<String, TopicScore> topics = enriched.topics().stream()
                .collect(Collectors.toMap(TopicScore::label, Function.identity()));
        assertEquals(3, topics.size(), "one entry for every label of the taxonomy");
        double energy = topics.get("energy").score();
        assertTrue(energy > 0 && energy < topics.get("diplomacy").score(), "energy " + energy);
        assertTrue(topics.get("energy").evidence().contains("energy"));
        assertTrue(topics.get("military").evidence().stream().anyMatch(e -> e.startsWith("warship")),
                topics.get("military").evidence()::toString);
    }

    @Test
    void topicEvidenceSpansPointAtTheTextAndCarryIptcCodes() {
        for (TopicScore t : enriched.topics()) {
            assertFalse(t.iptc().isEmpty(), t.label());
            for (var s : t.evidenceSpans()) {
                assertEquals(s.text(), seed.field(s.field()).substring(s.start(), s.end()), t.label());
            }
        }
        TopicScore energy = enriched.topics().stream().filter(t -> t.label().equals("energy")).findFirst()
                .orElseThrow();
        assertTrue(energy.evidenceSpans().stream().anyMatch(s -> s.text().equalsIgnoreCase("energy")),
                energy.evidenceSpans()::toString);
        assertTrue(energy.score() < 0.5, "energy is named in passing only: below its threshold");
    }

    @Test
    void outputValidatesAgainstTheSchema() {
        SchemaAssertions.assertValid(SchemaAssertions.ENRICHED, Topics.ENRICHED_SERDE.toBytes(enriched));
    }

    private static List<String> surfaces(String name) {
        return byName.get(name).mentions().stream()
                .map(m -> seed.field(m.field()).substring(m.start(), m.end())).toList();
    }
}
