package io.newsflow.app;

import io.newsflow.runtime.Demo;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sets the log level and target before the first logger exists (SLF4J simple reads its settings once): from
 * {@code --log-level} on any command, else {@code NEWSFLOW_LOG_LEVEL}; the demo sends its log, the embedded
 * broker's internal warnings included, to a file so that the console shows the run and its summary.
 */
final class LogSetup {
    static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private LogSetup() {
    }

    /** Applies the settings the arguments and environment ask for; returns an error message, or null. */
    static String apply(String[] args, Map<String, String> env) {
        String level = env.get("NEWSFLOW_LOG_LEVEL");
        List<String> list = List.of(args);
        int i = list.indexOf("--log-level");
        if (i >= 0 && i + 1 < list.size()) {
            level = list.get(i + 1);
        }
        for (String a : list) {
            if (a.startsWith("--log-level=")) {
                level = a.substring("--log-level=".length());
            }
        }
        if (level != null) {
            level = level.toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                return "log level '" + level + "' is not one of " + new java.util.TreeSet<>(LEVELS);
            }
            System.setProperty("org.slf4j.simpleLogger.log.io.newsflow", level);
            if (level.equals("debug") || level.equals("trace")) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
        }
        // The trends stage reports late records itself, one line a minute (IndexProcessor); Kafka would log a warning
        // per record and window, thousands a second when history is replayed.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.streams.kstream.internals."
                + "KStreamWindowAggregate", "error");
        boolean demo = !list.isEmpty() && list.get(0).equals("demo");
        boolean bench = list.size() > 1 && list.get(0).equals("bench") && list.get(1).equals("pipeline");
        if ((demo || bench) && !list.contains("--help") && !list.contains("-h")) {
            int o = list.indexOf("--out");
            Path out = Path.of(o >= 0 && o + 1 < list.size() ? list.get(o + 1) : demo ? "out" : "bench-out");
            try {
                java.nio.file.Files.createDirectories(out);
                System.setProperty("org.slf4j.simpleLogger.logFile",
                        out.resolve(demo ? Demo.LOG : "newsflow-bench.log").toString());
            } catch (java.io.IOException | RuntimeException e) {
                // The demo reports an unusable output directory itself; the log stays on the console.
            }
        }
        return null;
    }
}
