package io.newsflow.sink;

import io.newsflow.events.StageMeters;
import io.newsflow.events.StreamsDefaults;
import io.newsflow.events.Topics;
import io.newsflow.events.EntityMention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing half of the sink: {@code news.enriched} → {@code news.topic.<label>} for each label of the event and
 * {@code news.mentions} for each entity, plus {@code news.country.<CC>} when country routing is on, all in one
 * exactly-once transaction; the enriched JSON is forwarded unchanged. An unreadable event goes to the dead-letter topic.
 */
public final class SinkTopology {
    public static final String DEFAULT_APPLICATION_ID = "newsflow-sink-router";
    private static final Logger LOG = LoggerFactory.getLogger(SinkTopology.class);

    private SinkTopology() {
    }

    /**
     * What the router writes besides labels and mentions. With {@code countryRouting} on, an event goes to
     * {@code news.country.<CC>} for each distinct country of its entities that is in {@code countries}; other
     * countries are skipped, because every topic written must exist (created by {@code topics create
     * --country-routing} with the same list) and data must never pick a topic name.
     */
    public record Options(boolean countryRouting, Set<String> countries) {
        /** The default: no country topics. */
        public static final Options DEFAULTS = new Options(false, Set.of());

        /** Every ISO 3166-1 alpha-2 code the JDK knows (249): the allow-list when none is given. */
        public static final Set<String> ALL_COUNTRIES =
                Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(Locale.getISOCountries())));

        public Options {
            countries = Collections.unmodifiableSet(new TreeSet<>(countries));
            countries.forEach(Topics::requireCountry);
        }

        /** Country routing on for the given allow-list. */
        public static Options countryRouting(Collection<String> countries) {
            return new Options(true, new TreeSet<>(countries));
        }

        /** The country topics this router may write: none when routing is off. */
        public Set<String> countryTopicCodes() {
            return countryRouting ? countries : Set.of();
        }
    }

    /** The record key, the unchanged (or, for mentions, derived) value bytes and the topic they go to. */
    record Routed(String topic, String key, byte[] value) {
    }

    private static final Serde<Routed> ROUTED_VALUE = Serdes.serdeFrom(
            (topic, routed) -> routed.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("routed values are only written");
            });

    /** Labels and mentions, no country topics. */
    public static Topology build(Topics topics) {
        return build(topics, Options.DEFAULTS);
    }

    public static Topology build(Topics topics, Options options) {
        return build(topics, options, StageMeters.NONE);
    }

    /** With {@code meters}, counts each event read and each one routed (a failure is counted as a dead letter). */
    public static Topology build(Topics topics, Options options, StageMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        // flatMap, not flatMapValues: mentions are re-keyed by entity id. Nothing stateful follows, so no
        // repartition topic is created; each record goes straight to the topic it names.
        builder.stream(topics.enriched(), Consumed.with(Topics.KEY_SERDE, Serdes.ByteArray()).withName("read-enriched"))
                .peek((key, bytes) -> meters.articleIn(), Named.as("count-in"))
                .flatMap((key, bytes) -> {
                    List<Routed> routed = route(topics, options, key, bytes);
                    meters.articleOut();
                    return routed.stream().map(r -> KeyValue.pair(r.key(), r)).toList();
                }, Named.as("route-by-label"))
                .to((key, routed, context) -> routed.topic(),
                        Produced.with(Topics.KEY_SERDE, ROUTED_VALUE).withName("write-label-topics"));
        return builder.build();
    }

    static List<Routed> route(Topics topics, Options options, String key, byte[] bytes) {
        SinkEvent event = SinkEvent.read(bytes);
        List<Routed> out = new ArrayList<>();
        for (String topic : Routing.labelTopics(topics, event)) {
            out.add(new Routed(topic, key, bytes));
        }
        if (options.countryRouting()) {
            for (String country : Routing.countries(event)) {
                if (options.countries().contains(country)) {
                    out.add(new Routed(topics.countryTopic(country), key, bytes));
                } else {
                    LOG.debug("event {}: country {} is not in the country-routing allow-list, not routed", key, country);
                }
            }
        }
        for (EntityMention m : EntityMention.of(event.id(), event.entities(), event.labels(), event.publishedAt(),
                event.title())) {
            out.add(new Routed(topics.mentions(), m.entityId(), Topics.MENTION_SERDE.toBytes(m)));
        }
        return out;
    }

    /** Streams settings of the stage: the shared defaults under this stage's application id. */
    public static Properties config(Map<String, Object> base, Topics topics) {
        return StreamsDefaults.config(DEFAULT_APPLICATION_ID, base, topics);
    }
}
