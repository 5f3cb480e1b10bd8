package io.newsflow.app.cli;

import io.newsflow.events.Article;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import io.newsflow.runtime.Exit;
import io.newsflow.tools.bench.PipelineBench;
import io.newsflow.tools.bench.ProcessPipelineBench;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench pipeline}: the whole pipeline's throughput, CPU, memory and latency, in one command. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Measure the whole pipeline, in one JVM unless --processes: the enrich core alone (no Kafka) on the same articles, "
                + "then broker, enrich, sink and ingest over --articles N articles until all are committed in the "
                + "enriched topic, the label topics and the files (ingest and end-to-end articles/s, their ratio to "
                + "the core, CPU ms per article per stage, peak RSS), then p50/p99 latency ingest->enriched and "
                + "->visible to read_committed at half the measured end-to-end rate. The report is also written to "
                + "--out/pipeline-bench.txt.")
public final class BenchPipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--articles", defaultValue = "5000", paramLabel = "N",
            description = "Articles in the throughput phase (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--archive", paramLabel = "FILE", description = "Articles from this JSON Lines archive, cycled "
            + "to N with distinct ids (default: the seeds/ articles).")
    Path archive;

    @Option(names = "--input", paramLabel = "DIR", description = "Directory of .txt articles, cycled to N with "
            + "distinct ids (default: seeds/).")
    Path input;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", description = "Use this cluster (topics, "
            + "application ids and group of this run only) instead of the embedded broker.")
    String bootstrapServer;

    @Option(names = "--out", defaultValue = "bench-out", paramLabel = "DIR", description = "Log, report and the "
            + "run's temporary files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--core-warmup", defaultValue = "5", description = "Enrich-core warm-up seconds "
            + "(default: ${DEFAULT-VALUE}).")
    double coreWarmup;

    @Option(names = "--core-seconds", defaultValue = "10", description = "Enrich-core measured seconds "
            + "(default: ${DEFAULT-VALUE}).")
    double coreSeconds;

    @Option(names = "--latency-seconds", defaultValue = "15", description = "Seconds of the steady-rate latency "
            + "phase (default: ${DEFAULT-VALUE}).")
    double latencySeconds;

    @Option(names = "--timeout", defaultValue = "600", description = "Longest wait for the pipeline in each phase, "
            + "seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--processes", description = "Run each stage as its own JVM (newsflow broker, enrich with "
            + "-Xmx512m, sink; ingest in this JVM): CPU ms per article and peak RSS per stage from /proc, the enrich "
            + "heap from its GC log. No latency phase. Implied by --instances above 1.")
    boolean processes;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N", description = "With --processes: rounds "
            + "alternate 1 enrich + 1 sink against N enrich + N sink (same application ids, each its own state and "
            + "output directory), topics of max(2, N x T) partitions (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "With --processes: stream "
            + "threads of each enrich and sink instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", paramLabel = "R", description = "With --processes: rounds of each layout "
            + "(default: 2 with --instances above 1, else 1).")
    Integer rounds;

    @Option(names = "--warmup-articles", defaultValue = "2000", paramLabel = "W", description = "With "
            + "--processes: articles sent through each round's fresh JVMs before the measured ones, so each "
            + "instance's JIT warm-up is not counted (default: ${DEFAULT-VALUE}).")
    int warmupArticles;

    @Option(names = "--sink-jvm-options", defaultValue = "", paramLabel = "OPTS", description = "With --processes: "
            + "JVM options of each sink child, space-separated (default: none, the JVM's default heap).")
    String sinkJvmOptions;

    @Override
    public Integer call() throws Exception {
        if (instances < 1 || threads < 1 || (rounds != null && rounds < 1) || warmupArticles < 0) {
            throw new ParameterException(spec.commandLine(), "--instances, --threads and --rounds must be >= 1, "
                    + "--warmup-articles >= 0");
        }
        if (processes || instances > 1) {
            return processes();
        }
        if (threads != 1 || rounds != null || !sinkJvmOptions.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--threads, --rounds and --sink-jvm-options need "
                    + "--processes (or --instances above 1)");
        }
        List<Article> texts = texts();
        PrintStream console = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                spec.commandLine().getOut().write(b);
            }

            @Override
            public void flush() {
                spec.commandLine().getOut().flush();
            }
        }, true, StandardCharsets.UTF_8);
        PipelineBench.Result r = PipelineBench.run(texts, new PipelineBench.Options(articles, bootstrapServer, out,
                coreWarmup, coreSeconds, latencySeconds, Duration.ofSeconds(timeoutSeconds)), console);
        String report = r.render();
        console.print(report);
        console.flush();
        Files.writeString(out.resolve("pipeline-bench.txt"), report);
        return Exit.OK;
    }

    private int processes() throws Exception {
        List<Article> texts = texts();
        PrintStream console = console();
        List<String> sinkJvm = sinkJvmOptions.isBlank() ? List.of() : List.of(sinkJvmOptions.strip().split("\\s+"));
        ProcessPipelineBench.Result r = ProcessPipelineBench.run(texts, new ProcessPipelineBench.Options(articles,
                bootstrapServer, out, coreWarmup, coreSeconds, instances, threads,
                rounds != null ? rounds : instances > 1 ? 2 : 1, warmupArticles, sinkJvm,
                Duration.ofSeconds(timeoutSeconds)),
                console);
        String report = r.render();
        console.print(report);
        console.flush();
        Files.writeString(out.resolve("pipeline-bench.txt"), report);
        return Exit.OK;
    }

    /** The articles to cycle: an unreadable or empty input is a usage error naming the file, not a failure. */
    private List<Article> texts() throws java.io.IOException {
        try {
            return archive != null ? readArchive(archive) : readSeeds(input != null ? input
                    : DemoCommand.defaultSeeds());
        } catch (IllegalArgumentException | java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            throw new ParameterException(spec.commandLine(), e instanceof IllegalArgumentException ? e.getMessage()
                    : "cannot read " + e.getMessage());
        }
    }

    private PrintStream console() {
        return new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                spec.commandLine().getOut().write(b);
            }

            @Override
            public void flush() {
                spec.commandLine().getOut().flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    static List<Article> readSeeds(Path dir) throws java.io.IOException {
        List<Article> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                if (ArticleFiles.fromText(p.toString(), Files.readString(p), Instant.EPOCH)
                        instanceof SourceItem.Parsed parsed) {
                    list.add(parsed.article());
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no .txt articles in " + dir);
        }
        return list;
    }

    static List<Article> readArchive(Path file) {
        List<Article> list = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        new ArticleFiles(Clock.systemUTC()).readLines(file, item -> {
            if (item instanceof SourceItem.Parsed parsed) {
                list.add(parsed.article());
            } else if (item instanceof SourceItem.Rejected r && rejected.isEmpty()) {
                rejected.add(r.origin() + ": " + r.reason());
            }
        });
        if (list.isEmpty()) {
            // --archive is JSON Lines, one article a line: a tar or zip of files would be rejected line by line.
            throw new IllegalArgumentException("--archive " + file + ": no valid article (a JSON Lines file, one "
                    + "article a line" + (rejected.isEmpty() ? "" : "; first rejection " + rejected.get(0)) + ")");
        }
        return list;
    }
}
