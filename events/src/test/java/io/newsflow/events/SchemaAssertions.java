package io.newsflow.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Checks JSON that the code wrote against the JSON Schema files shipped in the events module. */
public final class SchemaAssertions {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    public static final JsonSchema ARTICLE = load("schemas/article-v1.schema.json");
    public static final JsonSchema ENRICHED = load("schemas/enriched-article-v1.schema.json");
    public static final JsonSchema MENTION = load("schemas/entity-mention-v1.schema.json");
    public static final JsonSchema TREND = load("schemas/trend-v1.schema.json");

    private SchemaAssertions() {
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = Article.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> errors(JsonSchema schema, byte[] json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return schema.validate(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(JsonSchema schema, byte[] json) {
        Set<ValidationMessage> errors = errors(schema, json);
        assertTrue(errors.isEmpty(), () -> "schema violations " + errors + " in " + new String(json));
    }
}
