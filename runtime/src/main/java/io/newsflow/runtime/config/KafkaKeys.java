package io.newsflow.runtime.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What newsflow knows of Kafka's client properties: the names Kafka's own {@link ConfigDef}s define (producer,
 * consumer, admin, Streams), Streams' client prefixes ({@code producer.}, {@code consumer.}, ...), newsflow's
 * per-stage prefixes ({@code enrich.application.id}) and a "did you mean" for anything else.
 */
final class KafkaKeys {
    /** The per-stage prefixes: {@code enrich.X} applies to the enrich stage's clients only, over {@code X}. */
    static final List<String> STAGES = List.of("ingest", "enrich", "sink", "topics", "subscribe", "replay",
            "trends");

    /** Properties that must differ between stages: set them with a stage prefix only. */
    static final Set<String> PER_STAGE_ONLY = Set.of(StreamsConfig.APPLICATION_ID_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    private static final List<ConfigDef> DEFS = List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
            AdminClientConfig.configDef(), StreamsConfig.configDef());
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);
    private static final Set<String> TOPIC_CONFIGS = topicConfigs();
    private static final Set<String> NAMES = names();

    private KafkaKeys() {
    }

    /** The stage a key is prefixed with, or null. */
    static String stageOf(String key) {
        for (String s : STAGES) {
            if (key.startsWith(s + ".")) {
                return s;
            }
        }
        return null;
    }

    static String withoutStage(String key) {
        String stage = stageOf(key);
        return stage == null ? key : key.substring(stage.length() + 1);
    }

    /** Whether Kafka knows the key (stage prefix already removed). */
    static boolean known(String key) {
        return def(key) != null || isTopicConfig(key) || key.startsWith(StreamsConfig.CLIENT_TAG_PREFIX);
    }

    /**
     * Parses and validates the value with Kafka's own definition of the key (e.g. {@code compression.type} must be
     * one of none, gzip, ...); a {@link org.apache.kafka.common.config.ConfigException} names the key.
     */
    static void validate(String key, String value) {
        ConfigDef def = def(key);
        if (def == null) {
            return;
        }
        String name = bare(key);
        ConfigDef.ConfigKey k = def.configKeys().get(name);
        Object parsed = ConfigDef.parseType(name, value, k.type);
        if (k.validator != null) {
            k.validator.ensureValid(name, parsed);
        }
    }

    /** The closest known name, newsflow's or Kafka's (with the same stage prefix), or null if none is close. */
    static String suggest(String key, Collection<String> newsflowKeys) {
        List<String> candidates = new ArrayList<>(newsflowKeys);
        candidates.addAll(NAMES);
        int dot = key.indexOf('.');
        if (dot > 0) {
            String rest = key.substring(dot + 1);
            String stage = stageOf(key);
            if (stage != null) {
                // A stage prefix, then a misspelt Kafka name.
                NAMES.forEach(n -> candidates.add(stage + "." + n));
            } else if (known(rest)) {
                // A misspelt stage prefix, then a Kafka name.
                STAGES.forEach(s -> candidates.add(s + "." + rest));
            }
        }
        return closest(key, candidates, newsflowKeys);
    }

    /** As {@link #suggest}, for a {@code NEWSFLOW_} variable among the variables of newsflow's keys. */
    static String closest(String word, Collection<String> candidates) {
        return closest(word, candidates, List.of());
    }

    private static String closest(String word, Collection<String> candidates, Collection<String> preferred) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance || d == bestDistance && preferred.contains(c) && !preferred.contains(best)) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 5) ? best : null;
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isTopicConfig(String key) {
        return key.startsWith(StreamsConfig.TOPIC_PREFIX)
                && TOPIC_CONFIGS.contains(key.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }

    /** The key without a Streams client prefix ({@code producer.linger.ms} → {@code linger.ms}). */
    private static String bare(String key) {
        for (String p : CLIENT_PREFIXES) {
            if (key.startsWith(p)) {
                return key.substring(p.length());
            }
        }
        return key;
    }

    private static ConfigDef def(String key) {
        String name = bare(key);
        for (ConfigDef d : DEFS) {
            if (d.configKeys().containsKey(name)) {
                return d;
            }
        }
        return null;
    }

    private static Set<String> names() {
        Set<String> s = new TreeSet<>();
        DEFS.forEach(d -> s.addAll(d.names()));
        TOPIC_CONFIGS.forEach(t -> s.add(StreamsConfig.TOPIC_PREFIX + t));
        return s;
    }

    private static Set<String> topicConfigs() {
        Set<String> s = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_CONFIG") && f.getType() == String.class) {
                try {
                    s.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return s;
    }
}
