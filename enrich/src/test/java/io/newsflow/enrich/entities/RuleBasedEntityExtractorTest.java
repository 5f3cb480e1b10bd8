package io.newsflow.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kept baseline extractor still does what it was built for, with its titles read from the data file. */
class RuleBasedEntityExtractorTest {
    @Test
    void titlesMakePeopleAndHeadWordsMakeOrganisations() {
        Article a = new Article(1, "x", "W", null, "Vote", "Venezuela's National Assembly met. Defense Minister "
                + "Vladimir Padrino López spoke, and lawmaker Roy Daza agreed. Later Daza left for the island of "
                + "La Orchila with Secretary of State Marco Rubio.", null, null, Instant.EPOCH, "en");
        Map<String, EntityType> found = new RuleBasedEntityExtractor(Gazetteer.loadDefault()).extract(a).stream()
                .collect(Collectors.toMap(Entity::name, Entity::type));
        assertEquals(EntityType.ORGANIZATION, found.get("National Assembly"));
        assertEquals(EntityType.PERSON, found.get("Vladimir Padrino López"));
        assertEquals(EntityType.PERSON, found.get("Roy Daza"));
        assertEquals(EntityType.LOCATION, found.get("La Orchila"));
        assertEquals(EntityType.PERSON, found.get("Marco Rubio"));
        assertNull(found.get("Daza"), "the surname joins the full name");
    }
}
