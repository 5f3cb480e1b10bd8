package io.newsflow.ingest;

import io.newsflow.events.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the raw topic, keyed by article id, with an idempotent acks=all producer; an article whose
 * id was already sent in this run is counted as a duplicate, not sent twice. Every send is awaited before the
 * summary, so "published" means acknowledged by the broker.
 */
public final class Ingestor {
    private final Producer<String, byte[]> producer;
    private final Topics topics;

    public Ingestor(Producer<String, byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /** Producer settings for the raw topic; {@code base} carries bootstrap servers and security settings. */
    public static Properties producerConfig(Map<String, Object> base) {
        Properties p = new Properties();
        p.putAll(base);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        return p;
    }

    public static IngestSummary run(Map<String, Object> clientConfig, Topics topics, List<Path> inputs, Clock clock) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(clientConfig))) {
            return new Ingestor(producer, topics).ingest(inputs, clock);
        }
    }

    public IngestSummary ingest(List<Path> inputs, Clock clock) {
        ArticleFiles files = new ArticleFiles(clock);
        Set<String> seen = new HashSet<>();
        List<SourceItem.Rejected> rejected = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int[] duplicates = {0};
        files.read(inputs, item -> {
            if (item instanceof SourceItem.Rejected r) {
                rejected.add(r);
            } else if (item instanceof SourceItem.Parsed p) {
                if (!seen.add(p.article().id())) {
                    duplicates[0]++;
                    return;
                }
                sends.add(producer.send(new ProducerRecord<>(topics.raw(), p.article().id(),
                        Topics.ARTICLE_SERDE.toBytes(p.article()))));
                origins.add(p.origin());
                ids.add(p.article().id());
            }
        });
        producer.flush();
        int published = 0;
        List<String> failed = new ArrayList<>();
        List<String> publishedIds = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                published++;
                publishedIds.add(ids.get(i));
            } catch (ExecutionException e) {
                failed.add(origins.get(i) + ": " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(origins.get(i) + ": interrupted");
            }
        }
        return new IngestSummary(published, duplicates[0], rejected, files.skipped(), failed, publishedIds);
    }
}
