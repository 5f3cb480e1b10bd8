package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The article fields an entity mention can point into; serialised in lower case as in the schema. */
public enum TextField {
    TITLE, CAPTION, BODY;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static TextField fromJson(String value) {
        return TextField.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
