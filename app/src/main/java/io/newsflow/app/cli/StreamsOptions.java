package io.newsflow.app.cli;

import io.newsflow.runtime.config.NewsflowConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Kafka Streams options of enrich and the sink router: stream threads and the state directory. */
public final class StreamsOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Stream threads, at most one per partition of the topic read (default 0: the number of "
                    + "cores). Setting: newsflow.threads.")
    Integer threads;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Root of the state directories; the stage uses DIR/<application.id> (default "
                    + "~/.newsflow/state). A state.dir client property wins. Setting: newsflow.state.dir.")
    String stateDir;

    /** Puts the given flags into the command's newsflow flags (null: not given). */
    void into(Map<String, String> flags) {
        flags.put(NewsflowConfig.THREADS, threads == null ? null : threads.toString());
        flags.put(NewsflowConfig.STATE_DIR, stateDir);
    }
}
