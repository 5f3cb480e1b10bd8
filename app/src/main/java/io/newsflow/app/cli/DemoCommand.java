package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.Demo;
import io.newsflow.runtime.DemoWeb;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.http.HttpEndpoint;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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
                + "enriched and written, print a summary and one enriched event, stop, exit 0. With --serve, keep "
                + "running and serve the live page until SIGTERM or Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_HTTP = "127.0.0.1:8080";

    @Option(names = "--input", paramLabel = "DIR", description = "Articles to ingest (default: the seeds/ directory).")
    List<Path> inputs;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--show-json", description = "Also print the first article's whole enriched event.")
    boolean showJson;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the pipeline (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--serve", description = "Keep the pipeline up after the input and serve the live page (at "
            + "--http) until SIGTERM or Ctrl-C.")
    boolean serve;

    @Option(names = "--http", paramLabel = "HOST:PORT", description = "Where the live page is served (default "
            + DEFAULT_HTTP + " with --serve; port 0 takes a free one). Without --serve, serves only while the demo runs.")
    String http;

    @Option(names = "--watch", paramLabel = "DIR", description = "With --serve: ingest article files dropped into DIR "
            + "while serving (moved to DIR/done/ or DIR/error/, as ingest --watch does).")
    Path watch;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        if (watch != null && !serve) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watch needs --serve");
        }
        String address = http != null ? http : serve ? DEFAULT_HTTP : null;
        if (address != null) {
            try {
                HttpEndpoint.parse(address);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (serve) {
            return serve(in, routing, address);
        }
        DemoWeb.Options web = address == null ? null : DemoWeb.Options.during(address);
        Demo.Result result = Demo.run(in, out, Duration.ofSeconds(timeoutSeconds), System.out, taxonomy.file(),
                taxonomy.modelFiles(), routing, web, r -> { });
        Demo.print(result, out, System.out, showJson);
        return Exit.OK;
    }

    /** The demo as a long-running stage: SIGTERM or Ctrl-C releases it and waits until everything is closed. */
    private int serve(List<Path> in, io.newsflow.sink.SinkTopology.Options routing, String address) {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<StartupException> cannotStart = new AtomicReference<>();
        DemoWeb.Options web = new DemoWeb.Options(address, true, watch, stop);
        int code = Lifecycle.run("demo", null, new Lifecycle.Stage() {
            @Override
            public Throwable run() throws Exception {
                try {
                    Demo.run(in, out, Duration.ofSeconds(timeoutSeconds), System.out, taxonomy.file(),
                            taxonomy.modelFiles(), routing, web, r -> Demo.print(r, out, System.out, showJson));
                    return null;
                } catch (StartupException e) {
                    cannotStart.set(e);
                    return null;
                }
            }

            @Override
            public void stop() {
                stop.countDown();
            }
        }, Duration.ZERO, null);
        if (cannotStart.get() != null) {
            throw cannotStart.get();
        }
        return code;
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
