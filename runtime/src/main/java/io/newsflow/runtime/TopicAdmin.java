package io.newsflow.runtime;

import io.newsflow.events.StreamsDefaults;
import io.newsflow.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the pipeline's topics: raw, enriched, dead-letter, mentions, one per label and, when asked, one per
 * country of the country-routing allow-list. Topics that exist are left as they are, so the command can run again.
 */
public final class TopicAdmin {
    /**
     * Partitions per topic of {@code topics create}: a Streams stage runs at most one task per partition, so one
     * partition leaves every core but one idle; 6 lets enrich and the sink router use a 2- to 6-core box.
     */
    public static final int DEFAULT_PARTITIONS = 6;

    private TopicAdmin() {
    }

    /** Returns the topics this call created (the others existed). */
    public static List<String> create(Map<String, Object> clientConfig, Topics topics, Collection<String> labels,
                                      Optional<Integer> partitions, Optional<Short> replication)
            throws InterruptedException {
        return create(clientConfig, topics, labels, List.of(), partitions, replication);
    }

    /** As above, plus {@code news.country.<CC>} for each code in {@code countries}. */
    public static List<String> create(Map<String, Object> clientConfig, Topics topics, Collection<String> labels,
                                      Collection<String> countries, Optional<Integer> partitions,
                                      Optional<Short> replication) throws InterruptedException {
        List<String> created = new ArrayList<>();
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (String name : topics.all(labels, countries)) {
                if (!existing.contains(name)) {
                    NewTopic topic = new NewTopic(name, partitions, replication);
                    // news.raw holds only what ingest's size check let through (ArticleSize), so it allows
                    // exactly that; the enriched and routed topics carry entities on top.
                    topic.configs(Map.of("max.message.bytes", String.valueOf(name.equals(topics.raw())
                            ? io.newsflow.events.ArticleSize.MAX_RAW_RECORD_BYTES : StreamsDefaults.MAX_MESSAGE_BYTES)));
                    wanted.add(topic);
                }
            }
            if (wanted.isEmpty()) {
                return created;
            }
            var result = admin.createTopics(wanted);
            for (NewTopic t : wanted) {
                try {
                    result.values().get(t.name()).get();
                    created.add(t.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, created, Duration.ofSeconds(30));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
        return created;
    }

    /**
     * A created topic is usable once every partition has a leader. Returning earlier lets the first producer meet
     * NOT_LEADER_OR_FOLLOWER; an idempotent producer that then retries a batch the broker did append gets
     * OUT_OF_ORDER_SEQUENCE until its delivery timeout (seen in IngestEdgesTest on a loaded machine).
     */
    static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
            throws InterruptedException, ExecutionException {
        if (names.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null
                                && !p.leader().isEmpty()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " have no leader " + timeout.toSeconds()
                        + " s after their creation");
            }
            Thread.sleep(50); // polling the broker's metadata, with a deadline
        }
    }
}
