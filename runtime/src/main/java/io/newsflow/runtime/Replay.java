package io.newsflow.runtime;

import io.newsflow.sink.RotationPolicy;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.Topics;
import io.newsflow.sink.SinkTopology;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Reprocesses {@code news.raw} from a point in time with a fresh application id and no dedup. The plan comes first:
 * per partition, the offset of the start time (offsets-for-times) and the end offset (the end time's, else the end
 * of the topic now). The new application's offsets are set to the start before it runs, and it stops once it has
 * committed the end. Output goes to the live topics, or with a suffix to {@code news.enriched.SUFFIX},
 * {@code news.topic.<label>.SUFFIX} and a new file directory.
 */
public final class Replay {
    /** What a replay will read: per partition [start, end). */
    public record Plan(String applicationId, Instant from, Instant to, Map<TopicPartition, long[]> ranges, Topics output,
                Path out, String suffix) {
        long total() {
            return ranges.values().stream().mapToLong(r -> r[1] - r[0]).sum();
        }

        public String render(List<String> labels) {
            StringBuilder sb = new StringBuilder();
            sb.append("replay ").append(applicationId).append(": news.raw records from ").append(from).append(" to ")
                    .append(to).append(", ").append(total()).append(" to read\n");
            ranges.forEach((tp, r) -> sb.append("  ").append(tp).append(": offsets ").append(r[0]).append(" to ")
                    .append(r[1]).append(" (").append(r[1] - r[0]).append(")\n"));
            sb.append("  writes ").append(output.enriched());
            for (String label : labels) {
                sb.append(", ").append(output.labelTopic(label));
            }
            sb.append(out != null ? "; files under " + out : "; files: the running sink's").append('\n');
            return sb.toString();
        }
    }

    /** What a replay did. */
    public record Result(long read, long enriched, long deadLettered, Map<String, Integer> perLabel, long files,
                  double seconds) {
        public String render() {
            return String.format("replay done: read %d, enriched %d, dead-lettered %d, per label %s, written to "
                    + "files %d, %.1f s%n", read, enriched, deadLettered, perLabel, files, seconds);
        }
    }

    private Replay() {
    }

    /** The topics a suffixed replay writes (not news.raw, not news.dlq, which it shares with the live pipeline). */
    static List<String> outputTopics(Plan plan, List<String> labels) {
        List<String> out = new ArrayList<>(List.of(plan.output().enriched(), plan.output().mentions()));
        for (String label : labels) {
            out.add(plan.output().labelTopic(label));
        }
        return out;
    }

    private static List<String> groups(Plan plan) {
        return List.of(plan.applicationId(), plan.applicationId() + "-sink-router", plan.applicationId() + "-files");
    }

    /**
     * What an earlier replay with the same suffix left behind: its output topics, consumer groups and a non-empty
     * file directory. A second run on top of them would write every event twice, so it is refused unless forced.
     * Live replays (no suffix) feed the live topics on purpose and are not checked.
     */
    public static List<String> leftovers(Map<String, Object> client, Plan plan, List<String> labels)
            throws InterruptedException {
        List<String> found = new ArrayList<>();
        if (plan.suffix() == null) {
            return found;
        }
        try (Admin admin = Admin.create(client)) {
            var existing = admin.listTopics().names().get();
            for (String t : outputTopics(plan, labels)) {
                if (existing.contains(t)) {
                    found.add("topic " + t);
                }
            }
            var listed = admin.listConsumerGroups().all().get();
            for (String g : groups(plan)) {
                if (listed.stream().anyMatch(l -> l.groupId().equals(g))) {
                    found.add("consumer group " + g);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics and groups: " + e.getCause().getMessage(),
                    e.getCause());
        }
        if (plan.out() != null && Files.isDirectory(plan.out())) {
            try (var entries = Files.list(plan.out())) {
                if (entries.findAny().isPresent()) {
                    found.add("directory " + plan.out());
                }
            } catch (java.io.IOException e) {
                found.add("directory " + plan.out() + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return found;
    }

    /**
     * Removes what {@link #leftovers} found, so a forced rerun starts afresh: deletes the topics and waits until the
     * broker no longer lists them (a topic marked for deletion cannot be created again), deletes the groups and the
     * directory.
     */
    public static void reset(Map<String, Object> client, Plan plan, List<String> labels, Duration timeout)
            throws InterruptedException {
        try (Admin admin = Admin.create(client)) {
            var existing = admin.listTopics().names().get();
            List<String> topics = outputTopics(plan, labels).stream().filter(existing::contains).toList();
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " still listed " + timeout.toSeconds()
                            + " s after their deletion");
                }
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100); // polling the broker's state, with a deadline
            }
            var listed = admin.listConsumerGroups().all().get();
            List<String> groups = groups(plan).stream()
                    .filter(g -> listed.stream().anyMatch(l -> l.groupId().equals(g))).toList();
            for (String g : groups) {
                // A finished Streams application does not leave its group on close; its members linger until their
                // session times out. The replay is over (or being forced out), so remove them, then the group.
                try {
                    admin.removeMembersFromConsumerGroup(g,
                            new org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions()).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                            || e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException
                            || e.getCause() instanceof IllegalArgumentException)) {
                        throw e;
                    }
                }
                admin.deleteConsumerGroups(List.of(g)).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot clear the earlier replay: " + e.getCause().getMessage(),
                    e.getCause());
        }
        if (plan.out() != null) {
            Directories.deleteTree(plan.out());
        }
    }

    /** What a replay from {@code from} to {@code to} (null: now) would read, per partition; reads offsets only. */
    public static Plan plan(Map<String, Object> client, Topics live, Instant from, Instant to, String suffix, Path out)
            throws InterruptedException {
        Instant end = to != null ? to : Instant.now();
        if (!from.isBefore(end)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + end);
        }
        Topics output = suffix == null ? live : live.withOutputSuffix(suffix);
        String applicationId = "newsflow-replay-" + (suffix != null ? suffix : String.valueOf(end.toEpochMilli()));
        try (Admin admin = Admin.create(client)) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(live.raw())).allTopicNames().get().get(live.raw()).partitions()
                    .forEach(p -> partitions.add(new TopicPartition(live.raw(), p.partition())));
            Map<TopicPartition, OffsetSpec> startSpec = new HashMap<>();
            Map<TopicPartition, OffsetSpec> endSpec = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartition tp : partitions) {
                startSpec.put(tp, OffsetSpec.forTimestamp(from.toEpochMilli()));
                endSpec.put(tp, OffsetSpec.forTimestamp(end.toEpochMilli()));
                latest.put(tp, OffsetSpec.latest());
            }
            var starts = admin.listOffsets(startSpec).all().get();
            var ends = admin.listOffsets(endSpec).all().get();
            var lasts = admin.listOffsets(latest).all().get();
            Map<TopicPartition, long[]> ranges = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            for (TopicPartition tp : partitions) {
                long last = lasts.get(tp).offset();
                // offsets-for-times answers -1 when no record is that late: then the range runs to the end.
                long s = starts.get(tp).offset() < 0 ? last : starts.get(tp).offset();
                long e = ends.get(tp).offset() < 0 ? last : ends.get(tp).offset();
                ranges.put(tp, new long[]{s, Math.max(s, e)});
            }
            return new Plan(applicationId, from, end, ranges, output, out, suffix);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read news.raw offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public static Result run(Map<String, Object> client, Plan plan, Enricher enricher, Duration timeout, PrintStream console)
            throws Exception {
        return run(client, plan, enricher, timeout, console, 1);
    }

    /** As above, with {@code threads} stream threads for the replay's enrich and its router (one per partition). */
    public static Result run(Map<String, Object> client, Plan plan, Enricher enricher, Duration timeout,
                             PrintStream console, int threads) throws Exception {
        long t0 = System.nanoTime();
        Topics output = plan.output();
        TopicAdmin.create(client, output, enricher.labels(), Optional.empty(), Optional.empty());
        Path state = Files.createTempDirectory("newsflow-replay-state-");
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetAndMetadata> startAt = new HashMap<>();
            plan.ranges().forEach((tp, r) -> startAt.put(tp, new OffsetAndMetadata(r[0])));
            admin.alterConsumerGroupOffsets(plan.applicationId(), startAt).all().get();

            Map<String, Object> streamsClient = new HashMap<>(client);
            streamsClient.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
            streamsClient.put(StreamsConfig.APPLICATION_ID_CONFIG, plan.applicationId());
            streamsClient.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
            var enrichTopology = EnrichTopology.build(output, enricher,
                    EnrichTopology.Options.replay(plan.to().toEpochMilli()));
            SinkService sink = null;
            try (StreamsService enrich = new StreamsService("replay-enrich", enrichTopology,
                    EnrichTopology.config(streamsClient, output))) {
                if (plan.out() != null) {
                    Map<String, Object> sinkClient = new HashMap<>(client);
                    sinkClient.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
                    sinkClient.put(StreamsConfig.APPLICATION_ID_CONFIG, plan.applicationId() + "-sink-router");
                    sinkClient.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
                    sinkClient.put("group.id", plan.applicationId() + "-files");
                    sink = new SinkService(sinkClient, SinkTopology.config(sinkClient, output), output, plan.out(),
                            RotationPolicy.INTERACTIVE).writer("replay");
                    sink.start(Duration.ofSeconds(60));
                }
                enrich.start(Duration.ofSeconds(60));
                long read = awaitCommitted(admin, plan, timeout, t0, console);
                try (PipelineObserver observer = new PipelineObserver(client, output, enricher.labels())) {
                    long deadline = System.nanoTime() + timeout.toNanos();
                    long before = -1;
                    int stable = 0;
                    // Under exactly-once the enriched output was committed with the input offsets, so it is all
                    // there; read it until it stops growing, and with a file sink until routing and files caught up.
                    while (true) {
                        observer.poll(Duration.ofMillis(300));
                        long seen = observer.enriched().size() + observer.deadLettersFrom(output.raw());
                        boolean filesDone = sink == null || sink.files().written() >= observer.enriched().size();
                        boolean routed = plan.out() == null || observer.expectedLabelTopicIds()
                                .equals(observer.labelTopicIds());
                        stable = seen == before ? stable + 1 : 0;
                        if (filesDone && routed && stable >= 2) {
                            break;
                        }
                        before = seen;
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("replay output incomplete after " + timeout.toSeconds()
                                    + " s: " + seen + " of " + read);
                        }
                    }
                    Map<String, Integer> perLabel = new TreeMap<>();
                    observer.expectedLabelTopicIds().forEach((l, ids) -> perLabel.put(l, ids.size()));
                    return new Result(read, observer.enriched().size(), observer.deadLettersFrom(output.raw()),
                            perLabel, sink == null ? 0 : sink.files().written(), (System.nanoTime() - t0) / 1e9);
                }
            } finally {
                if (sink != null) {
                    sink.close();
                }
            }
        } finally {
            Directories.deleteTree(state);
        }
    }

    /** Waits until the replay application has committed the end of every range; prints progress meanwhile. */
    private static long awaitCommitted(Admin admin, Plan plan, Duration timeout, long t0, PrintStream console)
            throws Exception {
        long total = plan.total();
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrint = 0;
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(plan.applicationId())
                    .partitionsToOffsetAndMetadata().get();
            long done = 0;
            boolean all = true;
            for (Map.Entry<TopicPartition, long[]> e : plan.ranges().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long at = c == null ? e.getValue()[0] : Math.min(c.offset(), e.getValue()[1]);
                done += at - e.getValue()[0];
                all &= at >= e.getValue()[1];
            }
            long now = System.nanoTime();
            if (all || now - lastPrint > 2_000_000_000L) {
                double secs = (now - t0) / 1e9;
                console.printf("replay: %d/%d read, %.0f records/s, %d remaining%n", done, total,
                        secs > 0 ? done / secs : 0, total - done);
                lastPrint = now;
            }
            if (all) {
                return total;
            }
            if (now > deadline) {
                throw new IllegalStateException("replay did not finish within " + timeout.toSeconds() + " s");
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200); // a progress poll, not a wait for a result
        }
    }
}
