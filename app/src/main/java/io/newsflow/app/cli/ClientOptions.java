package io.newsflow.app.cli;

import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.config.Settings;
import io.newsflow.events.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka takes, resolved through the {@link Settings} layers. */
public final class ClientOptions {
    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: env NEWSFLOW_BOOTSTRAP_SERVERS, else localhost:9092).")
    String bootstrapServer;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: newsflow settings (topic.raw, ...) and Kafka client properties (security, "
                    + "...; a stage prefix such as enrich. or sink. for one stage only).")
    Path configFile;

    @Option(names = "--client-config", paramLabel = "KEY=VALUE",
            description = "A Kafka client property, over the --config file's (repeatable; a stage prefix such as "
                    + "enrich. for one stage only).")
    Map<String, String> clientConfig = new LinkedHashMap<>();

    /** newsflow settings given by the command's own flags (null: not given). */
    Map<String, String> extraFlags = new HashMap<>();

    /**
     * The settings of {@code stage} (one of {@code KafkaKeys.STAGES}: its prefixed client properties apply), with
     * each warning logged; a configuration error is a {@link StartupException} (exit 3).
     */
    public Settings settings(String stage) {
        Map<String, String> flags = new HashMap<>(extraFlags);
        flags.put(Settings.BOOTSTRAP, bootstrapServer);
        Settings s = Settings.resolve(configFile, System.getenv(), flags, clientConfig, stage);
        s.log();
        return s;
    }

    public static Topics topics(Settings settings) {
        return Topics.from(settings.all());
    }
}
