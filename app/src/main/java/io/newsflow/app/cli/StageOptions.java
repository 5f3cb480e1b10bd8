package io.newsflow.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every long-running stage takes for its lifecycle: a start-up deadline and a ready file. */
public final class StageOptions {
    @Option(names = "--startup-timeout", defaultValue = "60",
            description = "Seconds to reach RUNNING (default ${DEFAULT-VALUE}).")
    long startupTimeout;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Created once the stage is RUNNING and removed when it stops (for health checks).")
    Path readyFile;
}
