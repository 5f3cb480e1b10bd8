package io.newsflow.runtime.config;

import io.newsflow.runtime.StartupException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one config policy. newsflow's own keys ({@link NewsflowConfig}) are typed and come in layers, each overriding
 * the one before: defaults &lt; properties file ({@code --config FILE}) &lt; environment ({@code NEWSFLOW_*}, which
 * maps only to newsflow's keys) &lt; command-line flags. Kafka client properties come only from the properties file
 * and {@code --client-config k=v} (which wins over the file); a stage prefix ({@code enrich.application.id}) gives
 * one stage its own value, over the unprefixed one. Unknown keys are warned about with a "did you mean"; a bad value
 * is a {@link StartupException} naming where it came from and the key (exit 3). Secrets never reach output:
 * {@link #redacted()} hides them.
 */
public final class Settings {
    public static final String BOOTSTRAP = NewsflowConfig.BOOTSTRAP;
    public static final String ENV_PREFIX = "NEWSFLOW_";
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|jaas|token|credential|\\.key$).*");
    /** A backslash-u not followed by four hex digits, after an even number of backslashes. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u(?![0-9a-fA-F]{4})");

    private final Map<String, Object> values;
    private final Map<String, String> origins;
    private final Map<String, String> client;
    private final String stage;
    private final List<String> warnings;

    private Settings(Map<String, Object> values, Map<String, String> origins, Map<String, String> client,
                     String stage, List<String> warnings) {
        this.values = values;
        this.origins = origins;
        this.client = client;
        this.stage = stage;
        this.warnings = List.copyOf(warnings);
    }

    public static Map<String, String> defaults() {
        Map<String, String> out = new TreeMap<>();
        NewsflowConfig.KEYS.forEach(k -> out.put(k.name(), k.defaultValue()));
        return out;
    }

    /** newsflow's keys only, no stage: as {@link #resolve(Path, Map, Map, Map, String)} without client flags. */
    public static Settings resolve(Path configFile, Map<String, String> env, Map<String, String> flags) {
        return resolve(configFile, env, flags, Map.of(), null);
    }

    /**
     * @param flags newsflow keys set by command-line flags (null values are flags not given)
     * @param clientFlags Kafka client properties from {@code --client-config}
     * @param stage the stage whose prefixed client properties apply ({@link KafkaKeys#STAGES}), or null
     */
    public static Settings resolve(Path configFile, Map<String, String> env, Map<String, String> flags,
                                   Map<String, String> clientFlags, String stage) {
        Map<String, String> strings = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        Map<String, String> client = new TreeMap<>();
        Map<String, String> clientOrigins = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        if (configFile != null) {
            String origin = "config file " + configFile;
            readProperties(configFile).forEach((k, v) -> {
                if (NewsflowConfig.isKey(k)) {
                    set(strings, origins, k, v, origin);
                } else {
                    client.put(k, v);
                    clientOrigins.put(k, origin);
                }
            });
        }
        new TreeMap<>(env).forEach((variable, v) -> {
            if (!variable.startsWith(ENV_PREFIX) || NewsflowConfig.OTHER_VARIABLES.contains(variable)) {
                return;
            }
            String key = NewsflowConfig.keyOfEnv(variable);
            if (key != null) {
                set(strings, origins, key, v, "environment variable " + variable);
            } else {
                String near = KafkaKeys.closest(variable, NewsflowConfig.envNames());
                warnings.add("environment variable " + variable + " is not a newsflow setting, ignored"
                        + (near != null ? ": did you mean " + near + "?"
                        : " (Kafka client properties go in the --config file or --client-config)"));
            }
        });
        flags.forEach((k, v) -> {
            if (!NewsflowConfig.isKey(k)) {
                throw new IllegalArgumentException("not a newsflow key: " + k);
            }
            if (v != null) {
                set(strings, origins, k, v, NewsflowConfig.key(k).flag() != null ? NewsflowConfig.key(k).flag()
                        : "command line");
            }
        });
        clientFlags.forEach((k, v) -> {
            if (NewsflowConfig.isKey(k)) {
                String flag = NewsflowConfig.key(k).flag();
                throw new StartupException("--client-config, key " + k + ": a newsflow setting, not a Kafka client "
                        + "property; set it in the --config file, with " + NewsflowConfig.envName(k)
                        + (flag != null ? " or with " + flag : ""), null);
            }
            client.put(k, v);
            clientOrigins.put(k, "--client-config");
        });

        Map<String, Object> values = new TreeMap<>();
        for (NewsflowConfig.Key k : NewsflowConfig.KEYS) {
            String s = strings.getOrDefault(k.name(), k.defaultValue());
            try {
                values.put(k.name(), NewsflowConfig.parse(k.name(), s));
            } catch (ConfigException e) {
                throw new StartupException(origins.getOrDefault(k.name(), "default") + ", key " + k.name() + ": "
                        + e.getMessage(), null);
            }
            origins.putIfAbsent(k.name(), "default");
        }
        client.forEach((k, v) -> checkClientKey(k, v, clientOrigins.get(k), warnings));
        return new Settings(values, origins, client, stage, warnings);
    }

    private static void set(Map<String, String> strings, Map<String, String> origins, String key, String value,
                            String origin) {
        strings.put(key, value);
        origins.put(key, origin);
    }

    private static void checkClientKey(String key, String value, String origin, List<String> warnings) {
        String bare = KafkaKeys.withoutStage(key);
        if (KafkaKeys.PER_STAGE_ONLY.contains(key)) {
            throw new StartupException(origin + ", key " + key + ": one value for every stage that reads it ("
                    + "enrich and the sink router would share one Kafka Streams group); give each stage its own: "
                    + "enrich." + key + ", sink." + key, null);
        }
        if (NewsflowConfig.isKey(bare)) {
            warnings.add(origin + ": " + key + " is ignored: newsflow settings take no stage prefix, did you mean "
                    + bare + "?");
            return;
        }
        if (!KafkaKeys.known(bare)) {
            String near = KafkaKeys.suggest(key, NewsflowConfig.names());
            warnings.add(origin + ": unknown key " + key + (near != null ? ", did you mean " + near + "?"
                    : " (neither a newsflow setting nor a Kafka client property); passed to the Kafka clients"));
            return;
        }
        try {
            KafkaKeys.validate(bare, value);
        } catch (ConfigException e) {
            throw new StartupException(origin + ", key " + key + ": "
                    + (secret(key) ? "invalid value" : e.getMessage()), null);
        }
    }

    /** The file's keys, or a {@link StartupException} naming the file (unreadable, malformed backslash-u). */
    static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new StartupException("cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StartupException("config file " + file + badEscapeLine(file) + ": " + e.getMessage()
                    + " (a backslash-u must be followed by four hex digits; write a backslash as \\\\)", null);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static String badEscapeLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = BAD_ESCAPE.matcher(lines.get(i));
                if (!lines.get(i).stripLeading().startsWith("#") && m.find()) {
                    return ", line " + (i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The message without the line.
        }
        return "";
    }

    /** A newsflow setting, as a string (lists comma-separated); null for a key that is not newsflow's. */
    public String get(String key) {
        Object v = values.get(key);
        if (v instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return v == null ? null : String.valueOf(v);
    }

    public boolean getBoolean(String key) {
        return (Boolean) values.get(key);
    }

    public int getInt(String key) {
        return (Integer) values.get(key);
    }

    public Duration getDuration(String key) {
        return Durations.parse((String) values.get(key), key);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) values.get(key);
    }

    /** Where a newsflow setting came from: "default", "config file F", "environment variable V", a flag. */
    public String origin(String key) {
        return origins.get(key);
    }

    /** newsflow's settings, as strings, defaults included. */
    public Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        values.keySet().forEach(k -> out.put(k, get(k)));
        return out;
    }

    /**
     * The Kafka client properties of this stage: bootstrap servers, the unprefixed properties, then this stage's
     * prefixed ones (prefix removed) over them. No other newsflow key, no other stage's properties.
     */
    public Map<String, Object> kafka() {
        Map<String, Object> out = new TreeMap<>();
        out.put(BOOTSTRAP, values.get(BOOTSTRAP));
        client.forEach((k, v) -> {
            if (KafkaKeys.stageOf(k) == null) {
                out.put(k, v);
            }
        });
        if (stage != null) {
            client.forEach((k, v) -> {
                if (stage.equals(KafkaKeys.stageOf(k))) {
                    out.put(KafkaKeys.withoutStage(k), v);
                }
            });
        }
        return out;
    }

    /** The client properties as the user gave them (stage prefixes kept), for reports. */
    Map<String, String> clientProperties() {
        return Collections.unmodifiableMap(client);
    }

    /** Unknown keys and ignored variables, each with a suggestion where one is close; logged by {@link #log()}. */
    public List<String> warnings() {
        return warnings;
    }

    /** Logs the warnings at WARN. */
    public void log() {
        warnings.forEach(LOG::warn);
    }

    /** For logs and error messages: secret values replaced. */
    public Map<String, String> redacted() {
        Map<String, String> out = new LinkedHashMap<>();
        all().forEach((k, v) -> out.put(k, v));
        client.forEach((k, v) -> out.put(k, SECRET.matcher(k).matches() ? "[hidden]" : v));
        return out;
    }

    static boolean secret(String key) {
        return SECRET.matcher(key).matches();
    }

    @Override
    public String toString() {
        return redacted().toString();
    }
}
