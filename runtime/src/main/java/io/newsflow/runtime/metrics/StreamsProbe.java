package io.newsflow.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * What a stage's Kafka Streams client says about itself, for readiness and the lag gauge: its state, the input
 * partitions of its active tasks, and their lag (end offset minus committed offset, as the tasks last saw them).
 */
public final class StreamsProbe implements AutoCloseable {
    private final String stage;
    private final KafkaStreams streams;
    private final long maxLag;
    private final KafkaStreamsMetrics binder;

    /** Binds Kafka Streams' own metrics ({@code kafka_stream_*}) into {@code registry}, tagged with the stage. */
    public StreamsProbe(String stage, KafkaStreams streams, long maxLag, MeterRegistry registry) {
        this.stage = stage;
        this.streams = streams;
        this.maxLag = maxLag;
        this.binder = new KafkaStreamsMetrics(streams, Tags.of("stage", stage));
        binder.bindTo(registry);
    }

    public Readiness readiness() {
        List<String> assignment = new ArrayList<>();
        OptionalLong lag = OptionalLong.empty();
        KafkaStreams.State state = streams.state();
        if (state.isRunningOrRebalancing()) {
            TreeSet<String> partitions = new TreeSet<>();
            long total = 0;
            boolean known = false;
            for (ThreadMetadata thread : localThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    for (TopicPartition tp : task.topicPartitions()) {
                        partitions.add(tp.toString());
                        Long end = task.endOffsets().get(tp);
                        Long committed = task.committedOffsets().get(tp);
                        if (end != null && end >= 0) {
                            // Nothing committed yet: all of the partition is still to do.
                            total += Math.max(0, end - (committed == null || committed < 0 ? 0 : committed));
                            known = true;
                        }
                    }
                }
            }
            assignment.addAll(partitions);
            lag = known || partitions.isEmpty() ? OptionalLong.of(total) : OptionalLong.empty();
        }
        return Readiness.of(stage, state.name(), assignment, lag, maxLag);
    }

    /** The client's threads, or none while it is changing state under us (it may stop between two calls). */
    private java.util.Set<ThreadMetadata> localThreads() {
        try {
            return streams.metadataForLocalThreads();
        } catch (IllegalStateException notRunning) {
            return java.util.Set.of();
        }
    }

    /** The lag alone, for the gauge: empty when the client is not running or has not fetched yet. */
    public OptionalLong lag() {
        Object lag = readiness().body().get("lag");
        return lag instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    @Override
    public void close() {
        binder.close();
    }
}
