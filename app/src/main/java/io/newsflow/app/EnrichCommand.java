package io.newsflow.app;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the enrich stage until SIGTERM/SIGINT. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage (news.raw -> news.enriched, exactly once) until SIGTERM/SIGINT.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--startup-timeout", defaultValue = "60", description = "Seconds to reach RUNNING (default ${DEFAULT-VALUE}).")
    long startupTimeout;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Created once the stage is RUNNING and removed when it stops (for health checks).")
    java.nio.file.Path readyFile;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = client.settings();
        StreamsService service = new StreamsService("enrich",
                EnrichTopology.build(ClientOptions.topics(settings), Enricher.standard(Clock.systemUTC())),
                EnrichTopology.config(settings.kafka(), ClientOptions.topics(settings)));
        return Lifecycle.runUntilStopped("enrich", service::start, service::awaitStop, service::close, startupTimeout,
                readyFile);
    }
}
