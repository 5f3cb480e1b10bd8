package io.newsflow.trends;

import io.newsflow.events.TrendEvent;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Turns a closed window's final count into its {@link TrendEvent}: the baseline is read from the same window store,
 * whose earlier windows of the key are closed and final by then.
 */
final class SpikeProcessor implements Processor<Windowed<String>, Tally, String, TrendEvent> {
    private final TrendWindow window;
    private ProcessorContext<String, TrendEvent> context;
    private WindowStore<String, Object> store;
    private KeyValueStore<String, EntityInfo> entities;

    SpikeProcessor(TrendWindow window) {
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, TrendEvent> context) {
        this.context = context;
        this.store = context.getStateStore(window.storeName());
        this.entities = context.getStateStore(TrendsTopology.ENTITIES_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, Tally> record) {
        Tally tally = record.value();
        if (tally == null || tally.count() == 0) {
            return;
        }
        long start = record.key().window().start();
        long[] baseline = baseline(record.key().key(), start);
        SpikeScore s = SpikeScore.of(tally.count(), baseline);
        String key = record.key().key();
        String name = TrendKeys.nameOf(key);
        if (name == null) {
            EntityInfo info = entities.get(key);
            name = info == null ? key : info.name();
        }
        TrendEvent event = new TrendEvent(TrendEvent.SCHEMA_VERSION, key, tally.type(), name,
                window.label(), Instant.ofEpochMilli(start), Instant.ofEpochMilli(record.key().window().end()),
                tally.count(), s.z(), s.mean(), s.sd());
        context.forward(record.withKey(record.key().key()).withValue(event));
    }

    /** Counts of the {@link TrendWindow#HISTORY} windows before {@code start}, a size apart; 0 where none. */
    private long[] baseline(String key, long start) {
        long size = window.size().toMillis();
        long[] counts = new long[TrendWindow.HISTORY];
        try (WindowStoreIterator<Object> it = store.fetch(key, Instant.ofEpochMilli(start - TrendWindow.HISTORY * size),
                Instant.ofEpochMilli(start - size))) {
            while (it.hasNext()) {
                var kv = it.next();
                long back = start - kv.key;
                if (back > 0 && back % size == 0 && back / size <= TrendWindow.HISTORY) {
                    counts[(int) (back / size) - 1] = count(kv.value);
                }
            }
        }
        return counts;
    }

    // The DSL's window store holds its values with their timestamps; the value is what is counted.
    private static long count(Object stored) {
        Object v = stored instanceof ValueAndTimestamp<?> vt ? vt.value() : stored;
        if (v instanceof org.apache.kafka.streams.state.ValueTimestampHeaders<?> vth) {
            v = vth.value();
        }
        return v instanceof Tally t ? t.count() : 0;
    }
}
