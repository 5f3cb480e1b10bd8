package io.newsflow.enrich;

import io.newsflow.events.Article;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes an article on only if its id was not seen within the window before it, remembering ids in a persistent
 * window store (changelogged, so the memory survives restarts and moves with the partition). Records without a
 * key or value pass through, for the enrich step to dead-letter with a reason.
 */
final class DedupProcessor implements Processor<String, Article, String, Article> {
    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    private final String storeName;
    private final long windowMs;
    private ProcessorContext<String, Article> context;
    private WindowStore<String, Long> seen;

    DedupProcessor(String storeName, Duration window) {
        this.storeName = storeName;
        this.windowMs = window.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Article> record) {
        if (record.key() == null || record.value() == null) {
            context.forward(record);
            return;
        }
        long ts = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(record.key(), ts - windowMs, ts)) {
            if (earlier.hasNext()) {
                LOG.info("skipping article {}: already enriched within the dedup window ({} ms)", record.key(),
                        windowMs);
                return;
            }
        }
        seen.put(record.key(), ts, ts);
        context.forward(record);
    }
}
