package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.NewsflowConfig;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.config.StreamsSettings;
import io.newsflow.runtime.Replay;
import io.newsflow.enrich.Enricher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reprocesses history from news.raw; --dry-run says what it would read and write and touches nothing. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Reprocess news.raw from a point in time with a fresh application id, bypassing dedup, into "
                + "the live output topics or, with --output-suffix, into news.enriched.SUFFIX, "
                + "news.topic.<label>.SUFFIX and a new file directory.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Mixin
    TaxonomyOption taxonomy;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "Start: ISO-8601 instant (2025-05-01T00:00:00Z) or date (2025-05-01, UTC midnight).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End, exclusive (default: now).")
    String to;

    @Option(names = "--output-suffix", paramLabel = "SUFFIX",
            description = "Write to suffixed topics (and, with --out, files) instead of the live ones.")
    String suffix;

    @Option(names = "--out", paramLabel = "DIR",
            description = "File directory for the replayed events (needs --output-suffix; default out/replay-SUFFIX).")
    Path out;

    @Option(names = "--dry-run", description = "Print what would be read, written and (with --force) deleted; change "
            + "nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Rerun a suffix that an earlier replay wrote: delete its topics, groups "
            + "and file directory first. Without it such a rerun is refused, since it would write every event twice.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N",
            description = "Stream threads of the replay's enrich and router, at most one per partition of news.raw "
                    + "(default 0: the number of cores). Setting: newsflow.threads.")
    Integer threads;

    @Option(names = "--timeout", defaultValue = "3600", description = "Seconds before giving up (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (out != null && suffix == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--out needs --output-suffix: without a suffix the replay feeds the live topics, whose sink "
                            + "already writes the files");
        }
        Path files = suffix == null ? null : (out != null ? out : Path.of("out", "replay-" + suffix));
        client.extraFlags.put(NewsflowConfig.THREADS, threads == null ? null : threads.toString());
        Settings settings = client.settings("replay");
        java.util.Map<String, Object> kafka = ForcedSettings.apply(settings.kafka(), ForcedSettings.STREAMS,
                ForcedSettings.SINK_FILES, ForcedSettings.REPLAY);
        Replay.Plan plan;
        try {
            plan = Replay.plan(kafka, ClientOptions.topics(settings), time(from, "--from"),
                    to == null ? null : time(to, "--to"), suffix, files);
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage(), e);
        }
        taxonomy.classifier();
        Enricher enricher = Enricher.standard(Clock.systemUTC(), taxonomy.file(), taxonomy.modelFiles());
        System.out.print(plan.render(enricher.labels()));
        List<String> leftovers = Replay.leftovers(kafka, plan, enricher.labels());
        if (!leftovers.isEmpty() && !force) {
            throw new StartupException("replay suffix '" + suffix + "' was used before and left "
                    + String.join(", ", leftovers) + ": running again would write every event twice. Add --force "
                    + "to delete them and start afresh, or choose another --output-suffix", null);
        }
        if (!leftovers.isEmpty()) {
            System.out.println((dryRun ? "would delete (--force): " : "deleting (--force): ")
                    + String.join(", ", leftovers));
        }
        if (dryRun) {
            System.out.println("dry run: nothing read, nothing written, nothing deleted");
            return Exit.OK;
        }
        if (!leftovers.isEmpty()) {
            Replay.reset(kafka, plan, enricher.labels(), Duration.ofSeconds(60));
        }
        Replay.Result result = Replay.run(kafka, plan, enricher, Duration.ofSeconds(timeoutSeconds),
                System.out, StreamsSettings.threads(settings));
        System.out.print(result.render());
        return Exit.OK;
    }

    static Instant time(String value, String option) {
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant or date, not '" + value + "'");
        }
    }
}
