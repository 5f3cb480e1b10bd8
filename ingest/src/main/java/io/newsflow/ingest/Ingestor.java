package io.newsflow.ingest;

import io.newsflow.events.Article;
import io.newsflow.events.ArticleSize;
import io.newsflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the raw topic, keyed by article id, with an idempotent acks=all producer; an article whose
 * id was already sent in this run is counted as a duplicate, not sent twice. Every send is awaited before the
 * summary, so "published" means acknowledged by the broker. The record timestamp is the ingest time, so retention
 * never deletes replayed history early; the publish time travels in the payload and in the {@code published_at}
 * header (ISO-8601) when known.
 */
public final class Ingestor implements ArticlePublisher {
    /** Record header carrying {@code published_at} (ISO-8601 UTC), so consumers can filter without parsing JSON. */
    public static final String PUBLISHED_AT_HEADER = "published_at";
    /** Archive backfill: sends in flight before the oldest is awaited (bounds memory on any archive size). */
    static final int ARCHIVE_WINDOW = 1_000;

    private final Producer<String, byte[]> producer;
    private final Topics topics;

    public Ingestor(Producer<String, byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /**
     * Producer settings for the raw topic; {@code base} carries bootstrap servers, security settings and tuning
     * ({@code linger.ms}, {@code compression.type}, ...), which it may change. Idempotence, {@code acks=all}, the
     * serializers and the request size are forced (the app reports a user value it replaces).
     */
    public static Properties producerConfig(Map<String, Object> base) {
        Properties p = new Properties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putAll(base);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        // Ingest rejects larger articles before sending (ArticleSize); news.raw is created to take this much.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ArticleSize.MAX_RAW_RECORD_BYTES);
        return p;
    }

    public static IngestSummary run(Map<String, Object> clientConfig, Topics topics, List<Path> inputs, Clock clock) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(clientConfig))) {
            return new Ingestor(producer, topics).ingest(inputs, clock);
        }
    }

    public IngestSummary ingest(List<Path> inputs, Clock clock) {
        return ingest(inputs, clock, IngestProgress.silent());
    }

    /**
     * The one send path of the run-once modes (PATH… and --archive): items are read as a stream, each article is
     * sent as soon as it is read, and at most {@link #ARCHIVE_WINDOW} sends are in flight, so inputs of any size
     * work in bounded memory. An id already sent in this run counts as a duplicate.
     */
    public IngestSummary ingest(List<Path> inputs, Clock clock, IngestProgress progress) {
        ArticleFiles files = new ArticleFiles(clock);
        List<SourceItem.Rejected> rejected = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> publishedIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] duplicates = {0};
        ArrayDeque<Pending> inFlight = new ArrayDeque<>();
        files.read(inputs, item -> {
            if (item instanceof SourceItem.Rejected r) {
                rejected.add(r);
                progress.errors(1);
                return;
            }
            Article a = ((SourceItem.Parsed) item).article();
            if (!seen.add(a.id())) {
                duplicates[0]++;
                progress.duplicates(1);
                return;
            }
            inFlight.add(send(a, item.origin()));
            if (inFlight.size() >= ARCHIVE_WINDOW) {
                count(inFlight.poll(), publishedIds, failed, progress);
            }
        });
        producer.flush();
        while (!inFlight.isEmpty()) {
            count(inFlight.poll(), publishedIds, failed, progress);
        }
        return new IngestSummary(publishedIds.size(), duplicates[0], rejected, files.skipped(), failed, publishedIds);
    }

    /**
     * Refusals that no retry can fix: ingest's own size check prevents them, but a news.raw created before it (with
     * a smaller max.message.bytes) could still refuse a record.
     */
    static boolean permanent(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException;
    }

    /** One article's send, with what a failure report names. */
    private record Pending(Future<RecordMetadata> send, String origin, String id) {
    }

    /**
     * The one send of every ingest mode. A send that fails before reaching the producer's buffer (too large,
     * closed) is a failed future, not a throw, so every caller handles failures in one place: {@link #await}.
     */
    private Pending send(Article a, String origin) {
        Future<RecordMetadata> f;
        try {
            f = producer.send(record(a));
        } catch (KafkaException e) {
            CompletableFuture<RecordMetadata> failed = new CompletableFuture<>();
            failed.completeExceptionally(e);
            f = failed;
        }
        return new Pending(f, origin, a.id());
    }

    /** The one await: null once the broker acknowledged the send, else why it failed. */
    private static Throwable await(Pending p) {
        try {
            p.send().get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InterruptedException("interrupted");
        }
    }

    /** Key = article id, timestamp = ingest time (set explicitly), {@code published_at} header when known. */
    ProducerRecord<String, byte[]> record(Article article) {
        RecordHeaders headers = new RecordHeaders();
        if (article.publishedAt() != null) {
            headers.add(PUBLISHED_AT_HEADER, article.publishedAt().toString().getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topics.raw(), null, article.ingestedAt().toEpochMilli(), article.id(),
                Topics.ARTICLE_SERDE.toBytes(article), headers);
    }

    @Override
    public Set<String> publish(List<Article> articles, List<String> failures) {
        return publish(articles, failures, failures);
    }

    @Override
    public Set<String> publish(List<Article> articles, List<String> failures, List<String> refused) {
        List<Pending> sends = new ArrayList<>();
        for (Article a : articles) {
            sends.add(send(a, a.id()));
        }
        producer.flush();
        Set<String> acked = new HashSet<>();
        for (Pending p : sends) {
            Throwable failure = await(p);
            if (failure == null) {
                acked.add(p.id());
            } else {
                (permanent(failure) ? refused : failures).add(p.id() + ": " + failure.getMessage());
            }
        }
        return acked;
    }

    /**
     * Backfills a JSON Lines archive through the same streamed path as {@link #ingest}, keeping each line's
     * {@code published_at}; a bad line is rejected with its line number and the lines after it are still sent.
     */
    public IngestSummary archive(Path file, Clock clock, IngestProgress progress) {
        return ingest(List.of(file), clock, progress);
    }

    private static void count(Pending p, List<String> publishedIds, List<String> failed, IngestProgress progress) {
        Throwable failure = await(p);
        if (failure == null) {
            publishedIds.add(p.id());
            progress.published(1);
        } else {
            failed.add(p.origin() + " (" + p.id() + "): " + failure.getMessage());
            progress.errors(1);
        }
    }
}
