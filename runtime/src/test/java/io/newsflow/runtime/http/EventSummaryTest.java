package io.newsflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.TopicScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSummaryTest {
    private static Entity entity(String name, EntityType type, int mentions, String wikidata) {
        List<Mention> m = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            m.add(new Mention(TextField.BODY, i * 10, i * 10 + 3));
        }
        return new Entity(name, type, m, null, wikidata);
    }

    @Test
    void labelsCarryTheirScoresAndTheFiveMostMentionedNamedEntitiesLead() {
        List<Entity> entities = List.of(
                entity("Euro", EntityType.MISC, 9, null),
                entity("Poland", EntityType.LOCATION, 5, "Q36"),
                entity("NATO", EntityType.ORGANIZATION, 4, "Q7184"),
                entity("Ustka", EntityType.LOCATION, 1, null),
                entity("Anna Nowak", EntityType.PERSON, 2, null),
                entity("Baltic Sea", EntityType.LOCATION, 2, null),
                entity("Defence Ministry", EntityType.ORGANIZATION, 3, null));
        EnrichedArticle e = new EnrichedArticle(1, "a1", "test", null, "Poland drills", "body", null,
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:05:00Z"), "en", entities,
                List.of(new TopicScore("energy", 0.1, List.of()), new TopicScore("military", 0.82, List.of("troops"))),
                List.of("military"), "v", Instant.parse("2026-12-01T10:05:01Z"));

        EventSummary s = EventSummary.of(e);

        assertEquals(List.of(new EventSummary.Label("military", 0.82)), s.labels());
        // MISC left out; by mentions 5,4,3,2,2 with the tie by name (Anna before Baltic); Ustka (1) is sixth.
        assertEquals(List.of(
                new EventSummary.EntityRef("Q36", "Poland", "LOCATION"),
                new EventSummary.EntityRef("Q7184", "NATO", "ORGANIZATION"),
                new EventSummary.EntityRef("organization:defence-ministry", "Defence Ministry", "ORGANIZATION"),
                new EventSummary.EntityRef("person:anna-nowak", "Anna Nowak", "PERSON"),
                new EventSummary.EntityRef("location:baltic-sea", "Baltic Sea", "LOCATION")), s.entities());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), s.published());
        assertEquals(Instant.parse("2026-12-01T10:05:01Z"), s.enrichedAt());
    }
}
