package io.newsflow.app;

import io.newsflow.events.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka takes, resolved through the {@link Settings} layers. */
public final class ClientOptions {
    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: env NEWSFLOW_BOOTSTRAP_SERVERS, else localhost:9092).")
    String bootstrapServer;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: Kafka client settings (security, ...) and newsflow keys (topic.raw, ...).")
    Path configFile;

    Map<String, String> extraFlags = new HashMap<>();

    public Settings settings() {
        Map<String, String> flags = new HashMap<>(extraFlags);
        flags.put(Settings.BOOTSTRAP, bootstrapServer);
        try {
            return Settings.resolve(configFile, System.getenv(), flags);
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    public static Topics topics(Settings settings) {
        return Topics.from(settings.all());
    }
}
