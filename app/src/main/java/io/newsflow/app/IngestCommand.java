package io.newsflow.app;

import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Publishes article files to the raw topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish articles from files, directories (recursively) and JSONL archives to news.raw. "
                + "Exits 1 when nothing could be published.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".txt articles, .json/.jsonl archives, directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        Settings settings = client.settings();
        IngestSummary summary = Ingestor.run(settings.kafka(), ClientOptions.topics(settings), paths,
                Clock.systemUTC());
        System.out.print(summary.render());
        return summary.exitCode();
    }
}
