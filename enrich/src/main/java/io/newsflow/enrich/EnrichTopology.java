package io.newsflow.enrich;

import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.StageMeters;
import io.newsflow.events.StreamsDefaults;
import io.newsflow.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich stage: {@code news.raw} → dedup → {@link Enricher} → {@code news.enriched}, exactly once. Records that
 * cannot be read or enriched go to the dead-letter topic with their original bytes, and the stream carries on.
 */
public final class EnrichTopology {
    public static final String DEFAULT_APPLICATION_ID = "newsflow-enrich";
    public static final String DEDUP_STORE = "enrich-dedup";
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofDays(7);

    private EnrichTopology() {
    }

    /**
     * How the stage treats repeats: with {@code dedup} on, an article whose id was enriched within {@code window}
     * before it (by record time) is skipped; off, every record is enriched (deliberate reprocessing, replay).
     * With {@code recordTimeBeforeMs}, records at or after that time are left alone (the end of a replay).
     */
    public record Options(boolean dedup, Duration window, Long recordTimeBeforeMs) {
        public static final Options DEFAULTS = new Options(true, DEFAULT_DEDUP_WINDOW);

        public Options(boolean dedup, Duration window) {
            this(dedup, window, null);
        }

        public Options {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("dedup window must be positive: " + window);
            }
        }

        /** Replay: no dedup (history is reprocessed on purpose) and only records older than {@code beforeMs}. */
        public static Options replay(long beforeMs) {
            return new Options(false, DEFAULT_DEDUP_WINDOW, beforeMs);
        }
    }

    public static Topology build(Topics topics, Enricher enricher) {
        return build(topics, enricher, Options.DEFAULTS);
    }

    public static Topology build(Topics topics, Enricher enricher, Options options) {
        return build(topics, enricher, options, StageMeters.NONE);
    }

    /**
     * With {@code meters}, counts every record read (an unreadable one is counted by the exception handler, as it
     * never reaches the topology), each article enriched with its time, entities and labels.
     */
    public static Topology build(Topics topics, Enricher enricher, Options options, StageMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Article> raw = builder.stream(topics.raw(),
                Consumed.with(Topics.KEY_SERDE, Topics.ARTICLE_SERDE).withName("read-raw"))
                .peek((key, article) -> meters.articleIn(), Named.as("count-in"));
        if (options.recordTimeBeforeMs() != null) {
            // A replay reads history: what arrives after its end time is live traffic, not its business.
            long before = options.recordTimeBeforeMs();
            raw = raw.process(() -> new BeforeTimeFilter(before), Named.as("replay-window"));
        }
        if (options.dedup()) {
            builder.addStateStore(Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(DEDUP_STORE, options.window(), options.window(), false),
                    Serdes.String(), Serdes.Long()));
            raw = raw.process(() -> new DedupProcessor(DEDUP_STORE, options.window()), Named.as("dedup"),
                    DEDUP_STORE);
        }
        raw.mapValues((key, article) -> {
                    long start = System.nanoTime();
                    EnrichedArticle event = enricher.enrich(key, article);
                    // Counted once enriched: a failure throws above and is counted as a dead letter instead.
                    meters.enriched(event, System.nanoTime() - start);
                    return event;
                }, Named.as("enrich"))
                .to(topics.enriched(),
                        Produced.with(Topics.KEY_SERDE, Topics.ENRICHED_SERDE).withName("write-enriched"));
        return builder.build();
    }

    /** Streams settings of the stage: the shared defaults under this stage's application id. */
    public static Properties config(Map<String, Object> base, Topics topics) {
        return StreamsDefaults.config(DEFAULT_APPLICATION_ID, base, topics);
    }
}
