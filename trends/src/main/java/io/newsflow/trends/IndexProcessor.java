package io.newsflow.trends;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each entity's name, total and latest articles ({@link EntityInfo}) and the task's clock (the highest record
 * time it has seen, which the queries take as "now"), and passes hits on to the windows. A hit too late for every
 * window (its last 24 h window closed) is not passed on; late hits are counted per window size and reported in one
 * log line a minute, instead of one warning per record and window.
 */
final class IndexProcessor implements FixedKeyProcessor<String, Hit, Hit> {
    static final String CLOCK_KEY = "max";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexProcessor.class);
    private static final long REPORT_EVERY_MS = 60_000;
    private final int limit;
    private final long graceMs;
    private final long[] late = new long[TrendWindow.values().length];
    private long lastReport;
    private FixedKeyProcessorContext<String, Hit> context;
    private KeyValueStore<String, EntityInfo> entities;
    private KeyValueStore<String, Long> clock;
    private long max = Long.MIN_VALUE;

    IndexProcessor(int limit, java.time.Duration grace) {
        this.limit = limit;
        this.graceMs = grace.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Hit> context) {
        this.context = context;
        this.entities = context.getStateStore(TrendsTopology.ENTITIES_STORE);
        this.clock = context.getStateStore(TrendsTopology.CLOCK_STORE);
        Long saved = clock.get(CLOCK_KEY);
        max = saved == null ? Long.MIN_VALUE : saved;
    }

    @Override
    public void process(FixedKeyRecord<String, Hit> record) {
        if (record.key() != null && record.value() != null && TrendKeys.isEntity(record.key())) {
            EntityInfo before = entities.get(record.key());
            EntityInfo after = EntityInfo.add(before, record.key(), record.value(), limit);
            if (after != before) {
                entities.put(record.key(), after);
            }
        }
        if (record.timestamp() > max) {
            max = record.timestamp();
            clock.put(CLOCK_KEY, max);
        }
        boolean lateForAll = true;
        for (TrendWindow w : TrendWindow.values()) {
            // Kafka Streams' rule: a window takes records while its end is after stream time minus the grace.
            if (w.lastEnd(record.timestamp()) <= max - graceMs) {
                late[w.ordinal()]++;
            } else {
                lateForAll = false;
            }
        }
        report();
        if (!lateForAll) {
            context.forward(record);
        }
    }

    private void report() {
        long now = context.currentSystemTimeMs();
        if (now - lastReport < REPORT_EVERY_MS) {
            return;
        }
        lastReport = now;
        if (late[0] + late[1] + late[2] > 0) {
            LOG.warn("trends task {}: hits older than their windows' close (stream time {} minus {} ms grace), not "
                    + "counted there, in the last minute: 15m {}, 1h {}, 24h {}", context.taskId(),
                    java.time.Instant.ofEpochMilli(max), graceMs, late[0], late[1], late[2]);
            java.util.Arrays.fill(late, 0);
        }
    }
}
