package io.newsflow.trends;

import io.newsflow.events.StreamsDefaults;
import io.newsflow.events.StageMeters;
import io.newsflow.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The trends stage: {@code news.enriched} → one record per trend key of each article (re-keyed through a
 * repartition topic, so each key lives on one task) → counts in the {@link TrendWindow}s on publish time
 * ({@link PublishTimeExtractor}), kept in queryable window stores, and at each window's close (emit-final) its count
 * and {@link SpikeScore} to {@code news.trends}. Entities also keep their latest articles in a key-value store.
 */
public final class TrendsTopology {
    public static final String DEFAULT_APPLICATION_ID = "newsflow-trends";
    public static final String ENTITIES_STORE = "trends-entities";
    public static final String CLOCK_STORE = "trends-clock";
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    public static final int DEFAULT_ARTICLES_PER_ENTITY = 10;
    /** Record cache of the stage's stores, per instance (Streams' default is 10 MB). */
    public static final long CACHE_BYTES = 64L * 1024 * 1024;

    private TrendsTopology() {
    }

    /**
     * {@code grace}: how long after a window's end (in stream time, the highest publish time seen by the task) an
     * article is still counted in it; the window's final count is written after that. {@code articlesPerEntity}:
     * the latest articles kept per entity.
     */
    public record Options(Duration grace, int articlesPerEntity) {
        public static final Options DEFAULTS = new Options(DEFAULT_GRACE, DEFAULT_ARTICLES_PER_ENTITY);

        public Options {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("grace must not be negative: " + grace);
            }
            if (articlesPerEntity < 1) {
                throw new IllegalArgumentException("articles per entity must be at least 1: " + articlesPerEntity);
            }
        }
    }

    public static Topology build(Topics topics) {
        return build(topics, Options.DEFAULTS);
    }

    public static Topology build(Topics topics, Options options) {
        return build(topics, options, StageMeters.NONE);
    }

    /** With {@code meters}: each event read counts in, each one whose keys are counted counts out. */
    public static Topology build(Topics topics, Options options, StageMeters meters) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTITIES_STORE),
                Serdes.String(), StateSerdes.ENTITY));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOCK_STORE),
                Serdes.String(), Serdes.Long()));
        KGroupedStream<String, Hit> byKey = builder.stream(topics.enriched(),
                        Consumed.with(Topics.KEY_SERDE, Topics.ENRICHED_SERDE)
                                .withTimestampExtractor(new PublishTimeExtractor()).withName("read-enriched"))
                .peek((articleId, article) -> meters.articleIn(), Named.as("count-in"))
                .flatMap((articleId, article) -> {
                    if (article == null) {
                        return List.<KeyValue<String, Hit>>of();
                    }
                    List<KeyValue<String, Hit>> hits = TrendKeys.of(article).entrySet().stream()
                            .map(e -> KeyValue.pair(e.getKey(), e.getValue())).toList();
                    meters.articleOut();
                    return hits;
                }, Named.as("trend-keys"))
                // Explicit, so the entity index below sits after it, on the task that owns the key (what the
                // interactive queries assume), and the window counts need no second repartition.
                .repartition(Repartitioned.with(Topics.KEY_SERDE, StateSerdes.HIT).withName("by-trend-key"))
                .processValues(() -> new IndexProcessor(options.articlesPerEntity(), options.grace()),
                        Named.as("index-entities"), ENTITIES_STORE, CLOCK_STORE)
                .groupByKey(Grouped.with("trend-key", Topics.KEY_SERDE, StateSerdes.HIT));
        for (TrendWindow w : TrendWindow.values()) {
            TimeWindows windows = TimeWindows.ofSizeAndGrace(w.size(), options.grace()).advanceBy(w.advance());
            byKey.windowedBy(windows)
                    .emitStrategy(EmitStrategy.onWindowClose())
                    .aggregate(() -> Tally.EMPTY, (key, hit, tally) -> tally.add(hit), Named.as("count-" + w.label()),
                            Materialized.<String, Tally, WindowStore<Bytes, byte[]>>as(w.storeName())
                                    .withKeySerde(Topics.KEY_SERDE).withValueSerde(StateSerdes.TALLY)
                                    .withRetention(w.retention(options.grace())))
                    .toStream(Named.as("closed-" + w.label()))
                    .process(() -> new SpikeProcessor(w), Named.as("spike-" + w.label()), w.storeName(),
                            ENTITIES_STORE)
                    .to(topics.trends(), Produced.with(Topics.KEY_SERDE, Topics.TREND_SERDE)
                            .withName("write-trends-" + w.label()));
        }
        return builder.build();
    }

    /** Streams settings of the stage: the shared defaults under this stage's application id. */
    public static Properties config(Map<String, Object> base, Topics topics) {
        Properties p = StreamsDefaults.config(DEFAULT_APPLICATION_ID, base, topics);
        // An article updates ~22 keys in 29 windows each: at a few hundred articles a second the default 10 MB
        // record cache overflows within a commit interval and every eviction is a RocksDB write and a changelog
        // record. A user's statestore.cache.max.bytes wins.
        if (!base.containsKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)) {
            p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        }
        return p;
    }
}
