package io.newsflow.trends;

import io.newsflow.events.EnrichedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Record time of news.enriched for the trends stage: {@link PublishTime}, the record's own time for a non-article. */
public final class PublishTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof EnrichedArticle a) {
            return PublishTime.of(a, record.timestamp());
        }
        return record.timestamp();
    }
}
