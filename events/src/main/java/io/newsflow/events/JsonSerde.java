package io.newsflow.events;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one event type. Reading applies the event's validation, so a record that is not valid JSON, has
 * the wrong shape or breaks a rule fails with a {@link SerializationException} whose message is the reason.
 * A null payload (tombstone) reads as null, for the topology to reject explicitly.
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final UnaryOperator<T> validator;

    public JsonSerde(Class<T> type, UnaryOperator<T> validator) {
        this.type = type;
        this.validator = validator;
    }

    public byte[] toBytes(T value) {
        try {
            return value == null ? null : Json.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    public T fromBytes(byte[] data) {
        if (data == null) {
            return null;
        }
        T value;
        try {
            value = Json.MAPPER.readValue(data, type);
        } catch (JacksonException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        try {
            return validator.apply(value);
        } catch (InvalidEventException e) {
            throw new SerializationException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> toBytes(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> fromBytes(data);
    }
}
