package io.newsflow.app;

import io.newsflow.sink.SinkTopology;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the sink stage until SIGTERM/SIGINT. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the sink stage (news.enriched -> news.topic.<label> and JSON Lines files) until "
                + "SIGTERM/SIGINT.")
final class SinkCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory for the files.")
    Path out;

    @Option(names = "--startup-timeout", defaultValue = "60", description = "Seconds to reach RUNNING (default ${DEFAULT-VALUE}).")
    long startupTimeout;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Created once the stage is RUNNING and removed when it stops (for health checks).")
    java.nio.file.Path readyFile;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = client.settings();
        SinkService service = new SinkService(settings.kafka(),
                SinkTopology.config(settings.kafka(), ClientOptions.topics(settings)),
                ClientOptions.topics(settings), out);
        return Lifecycle.runUntilStopped("sink", service::start, service::awaitStop, service::close,
                startupTimeout,
                readyFile);
    }
}
