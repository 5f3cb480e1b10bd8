package io.newsflow.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Configuration in layers, each overriding the one before: built-in defaults &lt; properties file
 * ({@code --config FILE}) &lt; environment ({@code NEWSFLOW_BOOTSTRAP_SERVERS} → {@code bootstrap.servers}) &lt;
 * command-line flags. Keys starting {@code topic.} or {@code newsflow.} are newsflow's own; every other key is a
 * Kafka client property (security settings and the like) passed to every client. Secrets never reach output:
 * {@link #redacted()} hides them.
 */
public final class Settings {
    public static final String BOOTSTRAP = "bootstrap.servers";
    public static final String ENV_PREFIX = "NEWSFLOW_";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|jaas|token|credential|\\.key$).*");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Map<String, String> defaults() {
        return Map.of(BOOTSTRAP, "localhost:9092");
    }

    public static Settings resolve(Path configFile, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> v = new TreeMap<>(defaults());
        if (configFile != null) {
            v.putAll(readProperties(configFile));
        }
        v.putAll(fromEnvironment(env));
        flags.forEach((key, value) -> {
            if (value != null) {
                v.put(key, value);
            }
        });
        return new Settings(v);
    }

    static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** {@code NEWSFLOW_TOPIC_RAW} → {@code topic.raw}: lower case, underscores become dots. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach((k, value) -> {
            if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
                out.put(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return out;
    }

    public String get(String key) {
        return values.get(key);
    }

    /** All settings, as strings. */
    public Map<String, String> all() {
        return Map.copyOf(values);
    }

    /** Only the Kafka client properties. */
    public Map<String, Object> kafka() {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!k.startsWith("topic.") && !k.startsWith("newsflow.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** For logs and error messages: secret values replaced. */
    public Map<String, String> redacted() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, SECRET.matcher(k).matches() ? "[hidden]" : v));
        return out;
    }

    @Override
    public String toString() {
        return redacted().toString();
    }
}
