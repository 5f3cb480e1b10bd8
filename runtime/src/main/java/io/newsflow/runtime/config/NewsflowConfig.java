package io.newsflow.runtime.config;

import io.newsflow.enrich.ArticleLimits;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.events.Topics;
import io.newsflow.sink.RotationPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The one table of newsflow's own settings: name, type, default, documentation, environment variable and the
 * command-line flag that sets it. Parsing and validation go through Kafka's {@link ConfigDef}; the README's table is
 * {@link #markdownTable()} (checked by {@code ConfigTableTest}). Every other key of the properties file is a Kafka
 * client property ({@link KafkaKeys}); newsflow's keys never reach a Kafka client, except {@value #BOOTSTRAP}, which
 * every client needs.
 */
public final class NewsflowConfig {
    public static final String BOOTSTRAP = "bootstrap.servers";
    public static final String DEDUP_ENABLED = "newsflow.dedup.enabled";
    public static final String DEDUP_WINDOW = "newsflow.dedup.window";
    public static final String MAX_BODY_BYTES = "newsflow.max.body.bytes";
    public static final String ROTATE_RECORDS = "newsflow.sink.rotate.records";
    public static final String ROTATE_EVENT_TIME = "newsflow.sink.rotate.event.time";
    public static final String MAX_WAIT = "newsflow.sink.max.wait";
    public static final String COUNTRY_ROUTING = "newsflow.country.routing";
    public static final String COUNTRIES = "newsflow.country.routing.countries";
    public static final String THREADS = "newsflow.threads";
    public static final String STATE_DIR = "newsflow.state.dir";
    public static final String HTTP = "newsflow.http";
    public static final String READY_MAX_LAG = "newsflow.ready.max.lag";

    /** {@code NEWSFLOW_} variables that are not settings (read by the launcher, the log set-up or compose). */
    static final List<String> OTHER_VARIABLES = List.of("NEWSFLOW_LOG_LEVEL", "NEWSFLOW_JAVA_OPTS", "NEWSFLOW_UID",
            "NEWSFLOW_GID", "NEWSFLOW_HOME");

    /** One row of the table. {@code flag} is the command-line option that sets the key, or null. */
    record Key(String name, Type type, String defaultValue, ConfigDef.Validator validator, String flag, String doc) {
        String env() {
            return envName(name);
        }

        String typeName() {
            return validator instanceof DurationValidator ? "duration" : type.name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<Key> KEYS = List.of(
            new Key(BOOTSTRAP, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), "--bootstrap-server",
                    "Kafka bootstrap servers, host:port[,host:port...]. The one newsflow key also given to every Kafka client."),
            new Key(Topics.RAW_KEY, Type.STRING, Topics.DEFAULTS.raw(), new ConfigDef.NonEmptyString(), null,
                    "Topic of raw articles (ingest writes, enrich reads)."),
            new Key(Topics.ENRICHED_KEY, Type.STRING, Topics.DEFAULTS.enriched(), new ConfigDef.NonEmptyString(), null,
                    "Topic of enriched articles (enrich writes, the sink reads)."),
            new Key(Topics.LABEL_PREFIX_KEY, Type.STRING, Topics.DEFAULTS.labelPrefix(), new ConfigDef.NonEmptyString(),
                    null, "Prefix of the per-label topics (prefix + label)."),
            new Key(Topics.DLQ_KEY, Type.STRING, Topics.DEFAULTS.dlq(), new ConfigDef.NonEmptyString(), null,
                    "Dead-letter topic."),
            new Key(Topics.MENTIONS_KEY, Type.STRING, Topics.DEFAULTS.mentions(), new ConfigDef.NonEmptyString(), null,
                    "Topic of entity mentions, one record per entity per article."),
            new Key(Topics.COUNTRY_PREFIX_KEY, Type.STRING, Topics.DEFAULTS.countryPrefix(),
                    new ConfigDef.NonEmptyString(), null, "Prefix of the per-country topics (prefix + CC)."),
            new Key(Topics.TRENDS_KEY, Type.STRING, Topics.DEFAULTS.trends(), new ConfigDef.NonEmptyString(), null,
                    "Topic of closed trend windows (trends writes): counts and spike scores per entity, label, country."),
            new Key(DEDUP_ENABLED, Type.BOOLEAN, "true", null, "--no-dedup",
                    "enrich: skip an article id already enriched within the dedup window."),
            new Key(DEDUP_WINDOW, Type.STRING, Durations.format(EnrichTopology.DEFAULT_DEDUP_WINDOW),
                    new DurationValidator(), "--dedup-window", "enrich: how long an enriched id is remembered."),
            new Key(MAX_BODY_BYTES, Type.INT, String.valueOf(ArticleLimits.DEFAULT_MAX_BODY_BYTES),
                    ConfigDef.Range.atLeast(1), "--max-body-bytes",
                    "enrich: largest body enriched; larger ones are dead-lettered."),
            new Key(ROTATE_RECORDS, Type.INT, String.valueOf(RotationPolicy.DEFAULTS.maxRecords()),
                    ConfigDef.Range.atLeast(1), "--rotate-records", "sink: cut a partition's files after N records."),
            new Key(ROTATE_EVENT_TIME, Type.STRING, Durations.format(RotationPolicy.DEFAULTS.eventTimeBucket()),
                    new DurationValidator(), "--rotate-event-time",
                    "sink: within a segment, one file per event-time bucket of this size."),
            new Key(MAX_WAIT, Type.STRING, Durations.format(RotationPolicy.DEFAULTS.maxWait()),
                    new DurationValidator(), "--max-wait",
                    "sink: cut files once the oldest buffered record waited this long."),
            new Key(COUNTRY_ROUTING, Type.BOOLEAN, "false", null, "--country-routing",
                    "sink, topics create: also route each event to the topics of its entities' countries."),
            new Key(COUNTRIES, Type.LIST, "", null, "--countries",
                    "Country-routing allow-list, ISO 3166-1 alpha-2 codes, comma-separated; empty: all 249 codes."),
            new Key(THREADS, Type.INT, "0", ConfigDef.Range.atLeast(0), "--threads",
                    "enrich, sink, trends, replay: Kafka Streams threads (num.stream.threads) of the stage (of the "
                            + "sink router, of the replay's enrich and router); 0: the number of cores. More threads "
                            + "than partitions of the topic read stay idle."),
            // Not /tmp/kafka-streams (Kafka's default): shared by every instance and user of the host, and wiped by
            // the OS; not the working directory either, which changes with where the stage is started.
            new Key(STATE_DIR, Type.STRING, "~/.newsflow/state", new ConfigDef.NonEmptyString(), "--state-dir",
                    "enrich, sink, trends: root of the Kafka Streams state directories; a stage uses <root>/<application.id> "
                            + "(~ is the user's home). A state.dir client property wins."),
            new Key(HTTP, Type.STRING, "", new HttpAddressValidator(), "--http",
                    "enrich, sink, continuous ingest (trends: its own --http): serve /health/live, /health/ready "
                            + "and /metrics on HOST:PORT (:PORT for every interface); empty: no HTTP."),
            new Key(READY_MAX_LAG, Type.INT, String.valueOf(io.newsflow.runtime.metrics.Readiness.DEFAULT_MAX_LAG),
                    ConfigDef.Range.atLeast(0), null,
                    "enrich, sink: /health/ready answers 503 while the consumer lag is above this many records."));

    static final ConfigDef DEF = define();

    private static final Map<String, Key> BY_NAME = byName();
    private static final Map<String, String> BY_ENV = byEnv();

    private NewsflowConfig() {
    }

    private static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        for (Key k : KEYS) {
            Object dflt = k.type() == Type.STRING ? k.defaultValue() : ConfigDef.parseType(k.name(), k.defaultValue(),
                    k.type());
            def.define(k.name(), k.type(), dflt, k.validator(), Importance.MEDIUM, k.doc());
        }
        return def;
    }

    private static Map<String, Key> byName() {
        Map<String, Key> m = new LinkedHashMap<>();
        KEYS.forEach(k -> m.put(k.name(), k));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> byEnv() {
        Map<String, String> m = new LinkedHashMap<>();
        KEYS.forEach(k -> {
            if (m.put(k.env(), k.name()) != null) {
                throw new IllegalStateException("two keys map to " + k.env());
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * The environment variable of a key: {@code NEWSFLOW_} and the key in upper case, dots as underscores, without
     * a leading {@code newsflow.}: {@code topic.raw} → {@code NEWSFLOW_TOPIC_RAW}, {@code newsflow.dedup.window} →
     * {@code NEWSFLOW_DEDUP_WINDOW}.
     */
    static String envName(String key) {
        String k = key.startsWith("newsflow.") ? key.substring("newsflow.".length()) : key;
        return "NEWSFLOW_" + k.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static boolean isKey(String name) {
        return BY_NAME.containsKey(name);
    }

    static Key key(String name) {
        return BY_NAME.get(name);
    }

    /** The key an environment variable sets, or null. */
    static String keyOfEnv(String variable) {
        return BY_ENV.get(variable);
    }

    static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    static List<String> envNames() {
        return new ArrayList<>(BY_ENV.keySet());
    }

    /** One value, parsed and validated as the table says; a {@link ConfigException} names the key. */
    static Object parse(String name, String value) {
        Key k = BY_NAME.get(name);
        Object parsed = ConfigDef.parseType(name, value, k.type());
        if (k.validator() != null) {
            k.validator().ensureValid(name, parsed);
        }
        return parsed;
    }

    /** The README's table (between its config-table markers). */
    static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | environment | flag | type | default | description |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Key k : KEYS) {
            sb.append("| `").append(k.name()).append("` | `").append(k.env()).append("` | ")
                    .append(k.flag() == null ? "" : "`" + k.flag() + "`").append(" | ").append(k.typeName())
                    .append(" | ").append(k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`")
                    .append(" | ").append(k.doc()).append(" |\n");
        }
        return sb.toString();
    }

    /** Empty (no HTTP) or HOST:PORT / :PORT, as {@code HttpEndpoint.parse} reads it. */
    static final class HttpAddressValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String s = (String) value;
            if (s != null && !s.isBlank()) {
                try {
                    io.newsflow.runtime.http.HttpEndpoint.parse(s.strip());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }
        }

        @Override
        public String toString() {
            return "HOST:PORT or :PORT";
        }
    }

    /** A duration in the forms of {@link Durations}. */
    static final class DurationValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                if (Durations.parse((String) value, name).isNegative()) {
                    throw new ConfigException(name, value, "must not be negative");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "must be a duration (" + Durations.FORMS + ")");
            }
        }

        @Override
        public String toString() {
            return Durations.FORMS;
        }
    }
}
