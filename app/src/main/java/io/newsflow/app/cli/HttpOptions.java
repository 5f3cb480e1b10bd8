package io.newsflow.app.cli;

import io.newsflow.runtime.config.NewsflowConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/** The HTTP address of a long-running stage's health and metrics routes; none unless given. */
public final class HttpOptions {
    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = "Serve /health/live, /health/ready and /metrics on HOST:PORT (:PORT for every interface; "
                    + "default: no HTTP). A taken address exits 3. Setting: newsflow.http.")
    String http;

    /** Puts the flag into the command's newsflow flags (null: not given). */
    void into(Map<String, String> flags) {
        flags.put(NewsflowConfig.HTTP, http);
    }
}
