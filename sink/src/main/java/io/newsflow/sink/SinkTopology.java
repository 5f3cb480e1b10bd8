package io.newsflow.sink;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.StreamsDefaults;
import io.newsflow.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The routing half of the sink: {@code news.enriched} → {@code news.topic.<label>} for each label of the event,
 * exactly once, forwarding the enriched JSON unchanged. An event that cannot be read goes to the dead-letter topic.
 */
public final class SinkTopology {
    public static final String DEFAULT_APPLICATION_ID = "newsflow-sink-router";

    private SinkTopology() {
    }

    /** The unchanged event bytes and the topic they go to. */
    record Routed(String topic, byte[] value) {
    }

    private static final Serde<Routed> ROUTED_VALUE = Serdes.serdeFrom(
            (topic, routed) -> routed.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("routed values are only written");
            });

    public static Topology build(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.enriched(), Consumed.with(Topics.KEY_SERDE, Serdes.ByteArray()).withName("read-enriched"))
                .flatMapValues(bytes -> route(topics, bytes), Named.as("route-by-label"))
                .to((key, routed, context) -> routed.topic(),
                        Produced.with(Topics.KEY_SERDE, ROUTED_VALUE).withName("write-label-topics"));
        return builder.build();
    }

    static List<Routed> route(Topics topics, byte[] bytes) {
        EnrichedArticle event = Topics.ENRICHED_SERDE.fromBytes(bytes);
        if (event == null) {
            throw new io.newsflow.events.InvalidEventException("tombstone: enriched record with a null value");
        }
        List<Routed> out = new ArrayList<>();
        for (String topic : Routing.labelTopics(topics, event)) {
            out.add(new Routed(topic, bytes));
        }
        return out;
    }

    /** Streams settings of the stage: the shared defaults under this stage's application id. */
    public static Properties config(Map<String, Object> base, Topics topics) {
        return StreamsDefaults.config(DEFAULT_APPLICATION_ID, base, topics);
    }
}
