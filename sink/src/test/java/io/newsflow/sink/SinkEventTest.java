package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Entity;
import io.newsflow.events.EntityMention;
import io.newsflow.events.EntityType;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Mention;
import io.newsflow.events.TextField;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkEventTest {
    private static final Instant PUBLISHED = Instant.parse("2025-03-04T05:06:07Z");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatTheSinkUsesFromAWrittenEvent() {
        Entity merkel = new Entity("Angela Merkel", EntityType.PERSON,
                List.of(new Mention(TextField.BODY, 10, 16)), "DE", "Q567");
        Entity berlin = new Entity("Berlin", EntityType.LOCATION, List.of(new Mention(TextField.BODY, 0, 6)), "DE", null,
                52.5, 13.4);
        var event = Events.event("a-1", PUBLISHED, List.of("diplomacy", "energy"), List.of(merkel, berlin));

        SinkEvent view = SinkEvent.read(Topics.ENRICHED_SERDE.toBytes(event));

        assertEquals("a-1", view.id());
        assertEquals(List.of("diplomacy", "energy"), view.labels());
        assertEquals(PUBLISHED, view.publishedAt());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), view.ingestedAt());
        assertEquals("Title a-1", view.title());
        assertEquals(2, view.entities().size());
        assertEquals("Angela Merkel", view.entities().get(0).name());
        assertEquals("Q567", view.entities().get(0).wikidata());
        assertEquals("DE", view.entities().get(1).country());
        assertTrue(view.entities().get(0).mentions().isEmpty(), "mentions are skipped, not read");
        // The subscription contract holds: the mentions from the view are the ones from the whole event.
        assertEquals(EntityMention.of(event), EntityMention.of(view.id(), view.entities(), view.labels(),
                view.publishedAt(), view.title()));
    }

    @Test
    void unknownFieldsAndPrettyPrintingAreAccepted() {
        String json = """
                {"schema_version": 1, "future": {"nested": [1, {"x": null}]}, "id": "b",
                 "labels": [], "published_at": null, "ingested_at": "2025-01-02T00:00:00Z",
                 "entities": [{"name": "Oslo", "type": "LOCATION", "mentions": [{"text": "Oslo"}], "extra": 1}],
                 "title": null}
                """;
        SinkEvent view = SinkEvent.read(utf8(json));
        assertEquals("b", view.id());
        assertNull(view.publishedAt());
        assertEquals(Instant.parse("2025-01-02T00:00:00Z"), view.eventTime());
        assertEquals("Oslo", view.entities().get(0).name());
    }

    @Test
    void rejectsWhatTheSinkCannotActOnWithTheReason() {
        String ok = "\"ingested_at\": \"2025-01-02T00:00:00Z\", \"labels\": []";
        assertReason("not a JSON object", "[1]");
        assertReason("not a valid enriched event JSON", "{\"schema_version\": 1, \"id\": ");
        assertReason("unsupported schema_version 2", "{\"schema_version\": 2, \"id\": \"x\", " + ok + "}");
        assertReason("unsupported schema_version null", "{\"id\": \"x\", " + ok + "}");
        assertReason("missing or empty field 'id'", "{\"schema_version\": 1, \"id\": \" \", " + ok + "}");
        assertReason("missing field 'labels'",
                "{\"schema_version\": 1, \"id\": \"x\", \"ingested_at\": \"2025-01-02T00:00:00Z\"}");
        assertReason("invalid label '../etc'", "{\"schema_version\": 1, \"id\": \"x\", \"labels\": [\"../etc\"]}");
        assertReason("not an ISO-8601 instant",
                "{\"schema_version\": 1, \"id\": \"x\", \"labels\": [], \"published_at\": \"yesterday\"}");
        assertReason("unknown entity type 'PLANET'", "{\"schema_version\": 1, \"id\": \"x\", " + ok
                + ", \"entities\": [{\"name\": \"Mars\", \"type\": \"PLANET\"}]}");
        assertReason("tombstone", null);
    }

    private static void assertReason(String reason, String json) {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> SinkEvent.read(json == null ? null : utf8(json)), json);
        assertTrue(e.getMessage().contains(reason), e.getMessage() + " should contain " + reason);
    }
}
