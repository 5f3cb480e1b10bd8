package io.newsflow.runtime;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams stage with an explicit lifecycle: start waits (with a deadline) until the stage is
 * RUNNING, an uncaught exception stops the client and is reported, and {@link #awaitStop()} tells how it ended.
 */
public final class StreamsService implements Lifecycle.Service {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final String name;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public StreamsService(String name, Topology topology, Properties config) {
        this.name = name;
        // What runs, node by node, in the log at every start: the first thing to read when a stage misbehaves.
        LOG.info("{} topology:\n{}", name, topology.describe());
        this.streams = new KafkaStreams(topology, config);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            } else if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{} stopped on an unhandled error", name, e);
            failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Starts the stage and waits until it is RUNNING; throws if it is not within {@code timeout}. */
    public void start(Duration timeout) throws InterruptedException {
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not reach RUNNING within " + timeout.toSeconds()
                    + " s (state " + streams.state() + "): is the broker reachable?");
        }
        if (streams.state() != KafkaStreams.State.RUNNING && streams.state() != KafkaStreams.State.REBALANCING) {
            throw new IllegalStateException(name + " failed to start (state " + streams.state() + ")",
                    failure.get());
        }
        LOG.info("{} running", name);
    }

    /** Blocks until the stage stops; returns the error that stopped it, or null after a clean close. */
    @Override
    public Throwable awaitStop() throws InterruptedException {
        stopped.await();
        return failure.get();
    }

    /** The client itself: health and metrics (state, assignment, lag, its own metrics), interactive queries. */
    public KafkaStreams kafkaStreams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
