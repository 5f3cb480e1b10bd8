package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The one-command tour: everything on an embedded broker, then a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded broker, run ingest -> enrich -> sink over the input until every article is "
                + "enriched and written, print a summary and one enriched event, stop, exit 0.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "DIR", description = "Articles to ingest (default: the seeds/ directory).")
    List<Path> inputs;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--show-json", description = "Also print the first article's whole enriched event.")
    boolean showJson;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the pipeline (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @picocli.CommandLine.Mixin
    TaxonomyOption taxonomy;

    @picocli.CommandLine.Mixin
    CountryRoutingOptions countryRouting;

    @Override
    public Integer call() throws InterruptedException {
        taxonomy.classifier();
        List<Path> in = inputs != null ? inputs : List.of(defaultSeeds());
        // The demo has no settings file: only the flags count.
        io.newsflow.sink.SinkTopology.Options routing =
                countryRouting.resolve(Settings.resolve(null, java.util.Map.of(), java.util.Map.of()));
        Demo.Result result = Demo.run(in, out, Duration.ofSeconds(timeoutSeconds), System.out, taxonomy.file(),
                taxonomy.modelFiles(), routing);
        Demo.print(result, out, System.out, showJson);
        return Exit.OK;
    }

    /** seeds/ in the working directory, else beside the installed project (set by the ./newsflow script). */
    static Path defaultSeeds() {
        Path local = Path.of("seeds");
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getProperty("newsflow.home");
        return home != null ? Path.of(home, "seeds") : local;
    }
}
