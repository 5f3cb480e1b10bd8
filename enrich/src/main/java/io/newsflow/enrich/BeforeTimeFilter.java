package io.newsflow.enrich;

import io.newsflow.events.Article;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Passes on records whose timestamp is before a bound: the upper end of a replay's time window. */
final class BeforeTimeFilter implements Processor<String, Article, String, Article> {
    private final long beforeMs;
    private ProcessorContext<String, Article> context;

    BeforeTimeFilter(long beforeMs) {
        this.beforeMs = beforeMs;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Article> record) {
        if (record.timestamp() < beforeMs) {
            context.forward(record);
        }
    }
}
