package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.runtime.Subscription;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EntityMention;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints the events of one label, entity or country as they arrive, read_committed and without a consumer group
 * (every partition assigned, nothing committed), until SIGTERM/SIGINT, {@code --max} events or {@code --timeout}.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Print matching events as they arrive (JSON lines, or --pretty), until SIGTERM/SIGINT.")
public final class SubscribeCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--label", paramLabel = "L", description = "Events with label L (reads news.topic.L).")
        String label;

        @Option(names = "--entity", paramLabel = "NAME",
                description = "Mentions of one entity (reads news.mentions): its id (Q-id or type:slug) or its "
                        + "canonical name, case- and accent-blind.")
        String entity;

        @Option(names = "--country", paramLabel = "CC",
                description = "Events naming an entity of country CC (reads news.country.CC when country routing "
                        + "created it, else filters news.enriched).")
        String country;
    }

    @Option(names = "--from-beginning", description = "Start at the oldest retained event (default: only new ones).")
    boolean fromBeginning;

    @Option(names = "--pretty", description = "One readable line per event: time, labels, title, top entities.")
    boolean pretty;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N matching events.")
    Long max;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds (default: run until stopped).")
    Long timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Subscription sub;
        try {
            sub = what.label != null ? Subscription.label(what.label)
                    : what.entity != null ? Subscription.entity(what.entity) : Subscription.country(what.country);
        } catch (InvalidEventException | IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Settings settings = client.settings("subscribe");
        ForcedSettings.apply(settings.kafka(), ForcedSettings.SUBSCRIBER);
        Topics topics = ClientOptions.topics(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(settings))) {
            // Standard output is the events, so the lifecycle prints no "running" line.
            return Lifecycle.run("subscribe", null, new Lifecycle.Stage() {
                @Override
                public void start(Duration timeout) {
                    String topic = sub.topic(topics, sub.kind() == Subscription.Kind.COUNTRY
                            && exists(consumer, topics.countryTopic(sub.value())));
                    assign(consumer, topic);
                    err.println("newsflow subscribe: reading " + topic + (fromBeginning ? " from the beginning" : "")
                            + (topic.equals(topics.enriched()) ? " (no country topic: filtering)" : ""));
                    err.flush();
                }

                @Override
                public Throwable run() {
                    loop(consumer, sub, topics, out, err, stop);
                    return null;
                }

                /** SIGTERM/SIGINT: wake the poll; the lifecycle waits until the loop has flushed what it printed. */
                @Override
                public void stop() {
                    stop.set(true);
                    consumer.wakeup();
                }
            }, Duration.ZERO, null);
        }
    }

    private int loop(KafkaConsumer<String, byte[]> consumer, Subscription sub, Topics topics, PrintWriter out,
                     PrintWriter err, AtomicBoolean stop) {
        long deadline = timeoutSeconds == null ? Long.MAX_VALUE
                : System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        long printed = 0;
        while (!stop.get() && System.nanoTime() < deadline && (max == null || printed < max)) {
            Iterable<ConsumerRecord<String, byte[]>> records;
            try {
                records = consumer.poll(Duration.ofMillis(200));
            } catch (WakeupException e) {
                break;
            }
            for (ConsumerRecord<String, byte[]> r : records) {
                String line;
                try {
                    line = render(sub, topics, r);
                } catch (KafkaException | InvalidEventException e) {
                    // One unreadable record must not end a subscription; say which one and go on.
                    err.println("skipped " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                    err.flush();
                    continue;
                }
                if (line != null) {
                    out.println(line);
                    out.flush();
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
            }
        }
        return Exit.OK;
    }

    /** The line to print, or null when the record does not match (entity and filtered-country reads). */
    private String render(Subscription sub, Topics topics, ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        if (sub.kind() == Subscription.Kind.ENTITY) {
            EntityMention m = Topics.MENTION_SERDE.fromBytes(r.value());
            if (!sub.matches(m)) {
                return null;
            }
            return pretty ? EventLines.pretty(m) : EventLines.json(r.value());
        }
        EnrichedArticle e = Topics.ENRICHED_SERDE.fromBytes(r.value());
        if (sub.kind() == Subscription.Kind.COUNTRY && r.topic().equals(topics.enriched()) && !sub.matches(e)) {
            return null;
        }
        return pretty ? EventLines.pretty(e) : EventLines.json(r.value());
    }

    /** The subscriber settings the README gives: read_committed, no group, nothing committed. */
    static Properties consumerProperties(Settings settings) {
        Properties p = new Properties();
        p.putAll(settings.kafka());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }

    private static boolean exists(KafkaConsumer<?, ?> consumer, String topic) {
        try {
            return consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic);
        } catch (KafkaException e) {
            throw new StartupException("cannot list topics: " + e.getMessage(), e);
        }
    }

    private void assign(KafkaConsumer<String, byte[]> consumer, String topic) {
        if (!exists(consumer, topic)) {
            throw new StartupException("topic " + topic + " does not exist (run `newsflow topics create`"
                    + (topic.contains("country") ? " --country-routing" : "") + ")", null);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            // Resolve the end offsets now, so that events arriving after the command started are all printed.
            for (TopicPartition tp : partitions) {
                consumer.position(tp);
            }
        }
    }
}
