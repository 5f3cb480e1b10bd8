package io.newsflow.trends;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each entity's name, total and latest articles ({@link EntityInfo}) and the task's clock (the highest record
 * time it has seen, which the queries take as "now"); passes every hit on unchanged.
 */
final class IndexProcessor implements FixedKeyProcessor<String, Hit, Hit> {
    static final String CLOCK_KEY = "max";
    private final int limit;
    private FixedKeyProcessorContext<String, Hit> context;
    private KeyValueStore<String, EntityInfo> entities;
    private KeyValueStore<String, Long> clock;
    private long max = Long.MIN_VALUE;

    IndexProcessor(int limit) {
        this.limit = limit;
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
        context.forward(record);
    }
}
