package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.EnrichFile;
import io.newsflow.enrich.Enricher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Enriches files into a JSON Lines file without Kafka: backfills, file-only users, and checks on real text. */
@Command(name = "enrich-file", mixinStandardHelpOptions = true,
        description = "Enrich articles from files (.txt, .json, .jsonl, .ndjson, or directories of them) into a "
                + "JSON Lines file of EnrichedArticle events, with the same enricher the stream runs, without "
                + "Kafka. Prints progress and a summary; exit 1 when nothing could be enriched.")
public final class EnrichFileCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or directories to read.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "OUT.jsonl", description = "The events, one a line.")
    Path out;

    @Option(names = "--max-body-bytes", paramLabel = "N",
            description = "Largest body enriched; larger ones are rejected (default 1048576), as in enrich.")
    Integer maxBodyBytes;

    @Option(names = "--progress-every", defaultValue = "1000", paramLabel = "N",
            description = "Print a progress line every N articles (default: ${DEFAULT-VALUE}).")
    int progressEvery;

    @Mixin
    TaxonomyOption taxonomy;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        taxonomy.classifier();
        if (progressEvery < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--progress-every must be >= 1");
        }
        Enricher enricher = Enricher.standard(Clock.systemUTC(), taxonomy.file(), taxonomy.modelFiles());
        if (maxBodyBytes != null) {
            enricher = enricher.withLimits(new io.newsflow.enrich.ArticleLimits(maxBodyBytes));
        }
        System.err.println("enricher " + enricher.version());
        EnrichFile.Summary s = EnrichFile.run(inputs, out, enricher, Clock.systemUTC(), System.err, progressEvery);
        spec.commandLine().getOut().print(s.render(out));
        spec.commandLine().getOut().flush();
        return s.enriched() == 0 ? Exit.FAILED : Exit.OK;
    }
}
