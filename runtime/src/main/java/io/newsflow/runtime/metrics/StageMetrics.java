package io.newsflow.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.StageMeters;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A stage's newsflow meters in the process registry, all tagged {@code stage}: articles in and out, dead letters
 * by reason, events by label, entities per article, enrich time, files and bytes written, and consumer lag.
 * The totals also feed the stage's periodic progress line.
 */
public final class StageMetrics implements StageMeters {
    private final MeterRegistry registry;
    private final String stage;
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile LongSupplier inSource = in::get;
    private volatile LongSupplier outSource = out::get;
    private volatile LongSupplier deadSource = deadLetters::get;
    private volatile boolean source;
    // Registered on first use, so a stage shows only the meters of its own work (no enrich timer in the sink).
    private volatile DistributionSummary entities;
    private volatile Timer enrichTime;
    private volatile Counter files;
    private volatile Counter bytes;
    private volatile Supplier<OptionalLong> lag = OptionalLong::empty;

    StageMetrics(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
        FunctionCounter.builder("newsflow.articles.in", this, m -> m.inSource.getAsLong()).tag("stage", stage)
                .description("Records read from the stage's input, readable or not").register(registry);
        FunctionCounter.builder("newsflow.articles.out", this, m -> m.outSource.getAsLong()).tag("stage", stage)
                .description("Records the stage finished and wrote on").register(registry);
    }

    public String stage() {
        return stage;
    }

    /** Where the lag comes from (the stage's Streams client); empty until known. */
    public void lagFrom(Supplier<OptionalLong> source) {
        this.lag = source;
        Gauge.builder("newsflow.consumer.lag", this, m -> m.lag().orElse(-1)).tag("stage", stage)
                .description("Records the stage's assigned partitions hold beyond its committed offsets "
                        + "(-1: not known yet)")
                .register(registry);
    }

    public OptionalLong lag() {
        return lag.get();
    }

    @Override
    public void articleIn() {
        in.incrementAndGet();
    }

    @Override
    public void articleOut() {
        out.incrementAndGet();
    }

    /**
     * For a stage that keeps its own counts (continuous ingest): articles in and out are read from them, and its
     * rejected items become {@code newsflow_ingest_rejected_total} (they are reported, not dead-lettered).
     */
    public void countedBy(LongSupplier articlesIn, LongSupplier articlesOut, LongSupplier rejected) {
        this.inSource = articlesIn;
        this.outSource = articlesOut;
        this.deadSource = rejected;
        this.source = true;
        FunctionCounter.builder("newsflow.ingest.rejected", rejected, LongSupplier::getAsLong).tag("stage", stage)
                .description("Items ingest could not publish (reported with their reason)").register(registry);
    }

    @Override
    public void deadLetter(String reason) {
        deadLetters.incrementAndGet();
        Counter.builder("newsflow.dead.letters").tag("stage", stage).tag("reason", reason)
                .description("Records sent to the dead-letter topic, by reason (exception type)")
                .register(registry).increment();
    }

    @Override
    public void enriched(EnrichedArticle event, long nanos) {
        if (enrichTime == null) {
            entities = DistributionSummary.builder("newsflow.article.entities").tag("stage", stage)
                    .description("Entities found in one article")
                    .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200).register(registry);
            enrichTime = Timer.builder("newsflow.enrich.duration").tag("stage", stage)
                    .description("Time to enrich one article").publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
        }
        out.incrementAndGet();
        enrichTime.record(nanos, TimeUnit.NANOSECONDS);
        entities.record(event.entities().size());
        for (String label : event.labels()) {
            Counter.builder("newsflow.events").tag("stage", stage).tag("label", label)
                    .description("Enriched events by topic label").register(registry).increment();
        }
    }

    @Override
    public void fileWritten(long size) {
        if (bytes == null) {
            files = Counter.builder("newsflow.files.written").tag("stage", stage)
                    .description("Files the sink wrote (renamed into place)").register(registry);
            bytes = Counter.builder("newsflow.bytes.written").tag("stage", stage)
                    .description("Bytes of the files the sink wrote").register(registry);
        }
        files.increment();
        bytes.increment(size);
    }

    /** The totals so far, for the progress line. */
    public ProgressLine.Totals totals() {
        return new ProgressLine.Totals(inSource.getAsLong(), outSource.getAsLong(), deadSource.getAsLong(), lag(),
                source);
    }

    @Override
    public String toString() {
        return "meters of stage " + stage;
    }
}
