package io.newsflow.tools.delivery;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.events.Topics;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import io.newsflow.runtime.EmbeddedBroker;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.sink.FileSink;
import io.newsflow.sink.SinkTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The crash run with several instances of enrich and of sink sharing each stage's partitions through its consumer
 * group (same application id, one {@code --state-dir} and one {@code group.instance.id} each, one shared
 * {@code --out}). An instance killed with SIGKILL stays down until the survivors have taken its partitions over and
 * moved them on; it is started again only when its stage would otherwise have no second instance to kill.
 *
 * <p>Articles go in one slice before each fault and one after the last, so a killed instance always leaves work on
 * its partitions that only a survivor can do.
 */
final class InstancesRun {
    private static final Duration READY = Duration.ofSeconds(180);
    private static final Duration TAKEOVER = Duration.ofSeconds(120);

    /** A consumer group of a stage and the topic it reads. */
    private record Group(String id, String topic) {
    }

    /** One stage JVM and the {@code group.instance.id} its consumers join with. */
    private record Instance(String stage, String name, String instanceId, ChildProcess process) {
    }

    private InstancesRun() {
    }

    static DeliveryVerifier.Report run(int n, int kills, int restarts, int instances, long seed, Path work,
                                       Duration timeout, PrintStream console, int transactionVersion)
            throws Exception {
        if (instances < 2) {
            throw new IllegalArgumentException("instances must be at least 2, not " + instances);
        }
        if (n < kills + restarts + 1) {
            throw new IllegalArgumentException("need at least one article a slice: " + n + " articles for "
                    + (kills + restarts + 1) + " slices");
        }
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path out = work.resolve("out");
        int port = EmbeddedBroker.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Topics topics = Topics.DEFAULTS;
        int partitions = Math.max(TopicAdmin.DEFAULT_PARTITIONS, instances);
        Map<String, List<Group>> groups = Map.of(
                "enrich", List.of(new Group(EnrichTopology.DEFAULT_APPLICATION_ID, topics.raw())),
                "sink", List.of(new Group(SinkTopology.DEFAULT_APPLICATION_ID, topics.enriched()),
                        new Group(FileSink.DEFAULT_GROUP_ID, topics.enriched())));

        ChildProcess broker = new ChildProcess("broker", logs, null,
                List.of("broker", "--port", String.valueOf(port), "--data-dir", work.resolve("broker").toString(),
                        "--transaction-version", String.valueOf(transactionVersion)));
        Map<String, List<Instance>> stages = new LinkedHashMap<>();
        for (String stage : List.of("enrich", "sink")) {
            List<Instance> list = new ArrayList<>();
            for (int i = 1; i <= instances; i++) {
                list.add(instance(stage, i, work, logs, bootstrap, out));
            }
            stages.put(stage, list);
        }
        List<ChildProcess> all = new ArrayList<>();
        stages.get("sink").forEach(s -> all.add(s.process()));
        stages.get("enrich").forEach(s -> all.add(s.process()));
        all.add(broker);
        try {
            DeliveryVerifier.startBroker(broker);
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", bootstrap,
                    "delivery.timeout.ms", 300_000, "request.timeout.ms", 10_000));
            List<String> labels = Topics.DEFAULT_LABELS;
            TopicAdmin.create(client, topics, labels, Optional.of(partitions), Optional.of((short) 1));
            // Started together: each has its own state directory, and the sinks share the output directory.
            for (List<Instance> list : stages.values()) {
                list.forEach(i -> i.process().start());
            }
            for (List<Instance> list : stages.values()) {
                for (Instance i : list) {
                    i.process().awaitReady(READY, null);
                }
            }
            List<String> faults = plan(kills, restarts, random);
            Path articles = work.resolve("articles.jsonl");
            SyntheticArticles.write(articles, n, seed);
            List<Path> slices = slices(articles, faults.size() + 1, work);
            console.printf("broker, %d enrich and %d sink instances up after %.1f s (%d partitions); ingesting %d "
                    + "articles in %d slices%n", instances, instances, DeliveryVerifier.seconds(t0), partitions, n,
                    slices.size());

            Set<String> ids = new TreeSet<>();
            List<Takeover> takeovers = new ArrayList<>();
            Set<Instance> down = new java.util.HashSet<>();
            try (GroupWatch watch = new GroupWatch(client)) {
                ingest(client, topics, slices.get(0), ids);
                for (int f = 0; f < faults.size(); f++) {
                    String fault = faults.get(f);
                    if (fault.equals("broker")) {
                        int written = DeliveryVerifier.idCountsInFiles(out.resolve("enriched")).size();
                        long tf = System.nanoTime();
                        broker.stop(Duration.ofSeconds(60));
                        DeliveryVerifier.startBroker(broker);
                        watch.awaitLeaders(topics.all(labels), Duration.ofSeconds(120));
                        console.printf("broker restarted with %d of %d articles in the files, back after %.1f s%n",
                                written, n, DeliveryVerifier.seconds(tf));
                        ingest(client, topics, slices.get(f + 1), ids);
                        continue;
                    }
                    List<Instance> stage = stages.get(fault);
                    if (stage.stream().filter(i -> !down.contains(i)).count() < 2) {
                        // Never kill the last one: bring back one that is down (its takeover is already proven).
                        Instance back = stage.stream().filter(down::contains).findFirst().orElseThrow();
                        long tr = System.nanoTime();
                        back.process().start();
                        back.process().awaitReady(READY, null);
                        down.remove(back);
                        console.printf("%s started again, ready after %.1f s%n", back.name(),
                                DeliveryVerifier.seconds(tr));
                    }
                    List<Group> stageGroups = groups.get(fault);
                    Map<Instance, Map<Group, Set<Integer>>> candidates = awaitOutput(watch, stage, down, stageGroups);
                    List<Instance> eligible = new ArrayList<>(candidates.keySet());
                    Instance victim = eligible.get(random.nextInt(eligible.size()));
                    Map<Group, Set<Integer>> owned = new LinkedHashMap<>(candidates.get(victim));
                    for (Group g : stageGroups) {
                        // Again just before the kill: counting the records took time, and a rebalance may have run.
                        Set<Integer> now = watch.owned(g.id(), g.topic(), victim.instanceId());
                        if (!now.isEmpty()) {
                            owned.put(g, now);
                        }
                    }
                    int written = DeliveryVerifier.idCountsInFiles(out.resolve("enriched")).size();
                    victim.process().kill();
                    long killed = System.nanoTime();
                    down.add(victim);
                    Map<Group, Map<Integer, Long>> atKill = new LinkedHashMap<>();
                    for (Group g : stageGroups) {
                        atKill.put(g, watch.committed(g.id(), g.topic(), owned.get(g)));
                    }
                    console.printf("%s killed (SIGKILL) with %d of %d articles in the files, owning %s%n",
                            victim.name(), written, n, describe(owned));
                    // More work on every partition, the killed instance's too; only the survivors can do it.
                    ingest(client, topics, slices.get(f + 1), ids);
                    for (Takeover t : awaitTakeovers(watch, victim, stage, down, owned, atKill, killed)) {
                        takeovers.add(t);
                        console.println("  " + t.render());
                    }
                }
            }
            if (ids.size() != n) {
                throw new IllegalStateException("ingest published " + ids.size() + " distinct ids of " + n);
            }
            console.printf("ingested %d after %.1f s; waiting for the pipeline to drain%n", n,
                    DeliveryVerifier.seconds(t0));
            DeliveryVerifier.Report r = DeliveryVerifier.check(client, topics, labels, ids, out, kills, restarts,
                    timeout, t0);
            List<String> problems = new ArrayList<>(r.problems());
            takeovers.stream().filter(t -> !t.proven()).forEach(t -> problems.add("takeover not proven: " + t.render()));
            return new DeliveryVerifier.Report(r.articles(), r.kills(), r.brokerRestarts(), r.lost(), r.duplicated(),
                    r.seconds(), problems, instances, takeovers);
        } finally {
            for (ChildProcess p : all) {
                p.stop(Duration.ofSeconds(60));
            }
        }
    }

    /** Kills alternate between the stages (so two kills are one of each), shuffled in with the broker restarts. */
    static List<String> plan(int kills, int restarts, Random random) {
        List<String> faults = new ArrayList<>();
        boolean enrichFirst = random.nextBoolean();
        for (int i = 0; i < kills; i++) {
            faults.add((i % 2 == 0) == enrichFirst ? "enrich" : "sink");
        }
        for (int i = 0; i < restarts; i++) {
            faults.add("broker");
        }
        Collections.shuffle(faults, random);
        return faults;
    }

    private static Instance instance(String stage, int index, Path work, Path logs, String bootstrap, Path out) {
        String name = stage + "-" + index;
        String instanceId = "verify-" + name;
        Path ready = work.resolve(name + ".ready");
        Path props = work.resolve(name + ".properties");
        try {
            // Static membership (its own id) so a restart rejoins at once; the state directory is --state-dir.
            Files.writeString(props, String.join("\n", "group.instance.id=" + instanceId, "session.timeout.ms=10000",
                    "request.timeout.ms=10000") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of(stage, "--bootstrap-server", bootstrap, "--config",
                props.toString(), "--state-dir", work.resolve("state-" + name).toString(), "--ready-file",
                ready.toString()));
        if (stage.equals("sink")) {
            // One output directory for all: files are named by partition and offset, so whoever owns a partition
            // writes its files, and a segment redone after a takeover replaces the killed instance's file.
            args.addAll(List.of("--out", out.toString(), "--max-wait", "PT0.5S"));
        }
        return new Instance(stage, name, instanceId, new ChildProcess(name, logs, ready, args));
    }

    /** Splits the JSON Lines file into {@code count} files of consecutive lines, as even as can be. */
    static List<Path> slices(Path articles, int count, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(articles, StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Path p = dir.resolve("articles-" + (s + 1) + ".jsonl");
            List<String> part = lines.subList(s * lines.size() / count, (s + 1) * lines.size() / count);
            Files.write(p, part, StandardCharsets.UTF_8);
            out.add(p);
        }
        return out;
    }

    private static void ingest(Map<String, Object> client, Topics topics, Path slice, Set<String> ids)
            throws IOException {
        IngestSummary s = Ingestor.run(client, topics, List.of(slice), Clock.systemUTC());
        long lines = Files.readAllLines(slice, StandardCharsets.UTF_8).size();
        if (s.published() != lines) {
            throw new IllegalStateException("ingest published " + s.published() + " of " + lines + " from " + slice
                    + ": " + s.render());
        }
        ids.addAll(s.publishedIds());
    }

    /**
     * Waits until every live instance of the stage owns partitions in each of its groups with output committed on
     * them (all of them at work side by side); returns what each owns.
     */
    private static Map<Instance, Map<Group, Set<Integer>>> awaitOutput(GroupWatch watch, List<Instance> stage,
            Set<Instance> down, List<Group> groups) throws InterruptedException {
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (true) {
            Map<Instance, Map<Group, Set<Integer>>> ready = new LinkedHashMap<>();
            for (Instance i : stage) {
                if (down.contains(i)) {
                    continue;
                }
                Map<Group, Set<Integer>> owned = new LinkedHashMap<>();
                boolean produced = true;
                for (Group g : groups) {
                    Set<Integer> parts = watch.owned(g.id(), g.topic(), i.instanceId());
                    Map<Integer, Long> committed = watch.committed(g.id(), g.topic(), parts);
                    // Offsets first (cheap), then the records they cover: markers and aborted records are no output.
                    produced = produced && !parts.isEmpty() && GroupWatch.sum(committed) > 0
                            && watch.records(g.topic(), Map.of(), committed) > 0;
                    owned.put(g, parts);
                }
                if (produced) {
                    ready.put(i, owned);
                }
            }
            if (ready.size() == stage.stream().filter(i -> !down.contains(i)).count()) {
                return ready;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + ready.keySet().stream().map(Instance::name).toList()
                        + " of the live " + stage.get(0).stage() + " instances owned partitions with committed output "
                        + "within " + TAKEOVER.toSeconds() + " s");
            }
            Thread.sleep(200); // polling the group's state, bounded by the deadline above
        }
    }

    /**
     * Polls, for each of the stage's groups at once, until the survivors own all the victim's partitions, then until
     * the offsets committed on them move past where they were at that moment over at least one committed record:
     * work only a survivor can have done.
     */
    private static List<Takeover> awaitTakeovers(GroupWatch watch, Instance victim, List<Instance> stage,
            Set<Instance> down, Map<Group, Set<Integer>> owned, Map<Group, Map<Integer, Long>> atKill, long killed)
            throws InterruptedException {
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        Map<Group, Map<Integer, Long>> atTakeover = new LinkedHashMap<>();
        Map<Group, Double> ownedAfter = new LinkedHashMap<>();
        Map<Group, Map<Integer, Long>> now = new LinkedHashMap<>(atKill);
        Set<Group> waiting = new java.util.LinkedHashSet<>(owned.keySet());
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (Group g : List.copyOf(waiting)) {
                Set<Integer> parts = owned.get(g);
                if (!atTakeover.containsKey(g)) {
                    Set<Integer> survivors = new TreeSet<>();
                    for (Instance i : stage) {
                        if (!down.contains(i)) {
                            survivors.addAll(watch.owned(g.id(), g.topic(), i.instanceId()));
                        }
                    }
                    if (survivors.containsAll(parts)) {
                        atTakeover.put(g, watch.committed(g.id(), g.topic(), parts));
                        ownedAfter.put(g, DeliveryVerifier.seconds(killed));
                    }
                } else {
                    now.put(g, watch.committed(g.id(), g.topic(), parts));
                    if (GroupWatch.sum(now.get(g)) > GroupWatch.sum(atTakeover.get(g))
                            && watch.records(g.topic(), atTakeover.get(g), now.get(g)) > 0) {
                        waiting.remove(g);
                    }
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(200); // polling the group's state, bounded by the deadline above
            }
        }
        List<Takeover> out = new ArrayList<>();
        for (Group g : owned.keySet()) {
            Map<Integer, Long> taken = atTakeover.get(g);
            long before = watch.records(g.topic(), Map.of(), atKill.get(g));
            long after = taken == null ? 0 : watch.records(g.topic(), taken, now.get(g));
            out.add(new Takeover(victim.name(), g.id(), owned.get(g), GroupWatch.sum(atKill.get(g)),
                    taken == null ? -1 : GroupWatch.sum(taken), GroupWatch.sum(now.get(g)), before, after,
                    ownedAfter.getOrDefault(g, -1.0)));
        }
        return out;
    }

    private static String describe(Map<Group, Set<Integer>> owned) {
        List<String> parts = new ArrayList<>();
        owned.forEach((g, p) -> parts.add(g.id() + " " + p));
        return String.join(", ", parts);
    }
}
