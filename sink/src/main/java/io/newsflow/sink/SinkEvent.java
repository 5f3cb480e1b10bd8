package io.newsflow.sink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.EventValidation;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sink reads of an enriched event: its id, labels, times, title and its entities' names, types and links,
 * pulled from the bytes in one streaming pass that skips the body, the mentions and the topic evidence. The sink
 * forwards and files the original bytes, so it never re-encodes an event, and checks only what it acts on (schema
 * version, id, labels, since labels name topics and directories); enrich validated the rest when it wrote the event.
 */
public record SinkEvent(String id, List<String> labels, Instant publishedAt, Instant ingestedAt, String title,
                        List<Entity> entities) {

    /** Publication time, else ingestion time: what files are dated and bucketed by. */
    public Instant eventTime() {
        return publishedAt != null ? publishedAt : ingestedAt;
    }

    /** The view of an event already in memory (tests, tools). */
    public static SinkEvent of(EnrichedArticle e) {
        return new SinkEvent(e.id(), e.labels(), e.publishedAt(), e.ingestedAt(), e.title(), e.entities());
    }

    /** Reads the fields the sink uses; an unreadable or invalid event throws InvalidEventException with the reason. */
    public static SinkEvent read(byte[] json) {
        if (json == null) {
            throw new InvalidEventException("tombstone: enriched record with a null value");
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventException("not a JSON object");
            }
            Integer version = null;
            String id = null;
            String title = null;
            Instant publishedAt = null;
            Instant ingestedAt = null;
            List<String> labels = null;
            List<Entity> entities = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "schema_version" -> version = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                    case "id" -> id = text(p, value, field);
                    case "title" -> title = text(p, value, field);
                    case "published_at" -> publishedAt = instant(p, value, field);
                    case "ingested_at" -> ingestedAt = instant(p, value, field);
                    case "labels" -> labels = labels(p, value);
                    case "entities" -> entities = entities(p, value);
                    default -> p.skipChildren();
                }
            }
            if (version == null || version != EnrichedArticle.SCHEMA_VERSION) {
                throw new InvalidEventException("unsupported schema_version " + version + " (this reader knows "
                        + EnrichedArticle.SCHEMA_VERSION + ")");
            }
            if (id == null || id.isBlank()) {
                throw new InvalidEventException("missing or empty field 'id'");
            }
            if (labels == null) {
                throw new InvalidEventException("missing field 'labels'");
            }
            if (publishedAt == null && ingestedAt == null) {
                throw new InvalidEventException("missing field 'ingested_at'");
            }
            return new SinkEvent(id, labels, publishedAt, ingestedAt, title, entities);
        } catch (IOException e) {
            throw new InvalidEventException("not a valid enriched event JSON: " + e.getMessage());
        }
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidEventException("field '" + field + "' must be a string");
        }
        return p.getText();
    }

    private static Instant instant(JsonParser p, JsonToken value, String field) throws IOException {
        String s = text(p, value, field);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("field '" + field + "' is not an ISO-8601 instant: " + s);
        }
    }

    private static List<String> labels(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new InvalidEventException("field 'labels' must be an array");
        }
        List<String> out = new ArrayList<>(4);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(EventValidation.requireLabel(p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null));
        }
        return List.copyOf(out);
    }

    private static List<Entity> entities(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new InvalidEventException("field 'entities' must be an array");
        }
        List<Entity> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            EntityType type = null;
            String country = null;
            String wikidata = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, v, "entities.name");
                    case "type" -> type = type(text(p, v, "entities.type"));
                    case "country" -> country = text(p, v, "entities.country");
                    case "wikidata" -> wikidata = text(p, v, "entities.wikidata");
                    default -> p.skipChildren();
                }
            }
            if (name == null || type == null) {
                throw new InvalidEventException("an entity without " + (name == null ? "name" : "type"));
            }
            out.add(new Entity(name, type, List.of(), country, wikidata));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new InvalidEventException("field 'entities' must hold objects");
        }
        return out;
    }

    private static EntityType type(String s) {
        try {
            return s == null ? null : EntityType.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown entity type '" + s + "'");
        }
    }
}
