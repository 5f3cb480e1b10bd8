package io.newsflow.enrich;

import io.newsflow.events.StreamsDefaults;
import io.newsflow.events.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich stage: {@code news.raw} → {@link Enricher} → {@code news.enriched}, exactly once. Records that cannot
 * be read or enriched go to the dead-letter topic with their original bytes, and the stream carries on.
 */
public final class EnrichTopology {
    public static final String DEFAULT_APPLICATION_ID = "newsflow-enrich";

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, Enricher enricher) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.raw(), Consumed.with(Topics.KEY_SERDE, Topics.ARTICLE_SERDE).withName("read-raw"))
                .mapValues((key, article) -> enricher.enrich(key, article), Named.as("enrich"))
                .to(topics.enriched(),
                        Produced.with(Topics.KEY_SERDE, Topics.ENRICHED_SERDE).withName("write-enriched"));
        return builder.build();
    }

    /**
     * Streams settings of the stage; {@code base} (bootstrap servers, security, overrides) is applied last so a
     * user can change anything, including the processing guarantee for tests.
     */
    /** Streams settings of the stage: the shared defaults under this stage's application id. */
    public static Properties config(Map<String, Object> base, Topics topics) {
        return StreamsDefaults.config(DEFAULT_APPLICATION_ID, base, topics);
    }
}
