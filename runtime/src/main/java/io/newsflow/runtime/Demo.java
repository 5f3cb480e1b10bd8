package io.newsflow.runtime;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Json;
import io.newsflow.events.Topics;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Ingestor;
import io.newsflow.sink.RotationPolicy;
import io.newsflow.sink.SinkTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import io.newsflow.runtime.metrics.HealthRoutes;
import io.newsflow.runtime.metrics.ProcessMetrics;
import io.newsflow.runtime.metrics.Readiness;
import io.newsflow.runtime.metrics.StageMonitor;
import io.newsflow.runtime.trends.TrendsService;
import io.newsflow.trends.TrendsTopology;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline in one process on an embedded broker: create topics, start enrich, sink and trends, ingest the input,
 * wait until every article is enriched (or dead-lettered), routed and written, print a summary, stop everything.
 */
public final class Demo {
    /** The demo's log, inside its output directory: {@code newsflow demo} sends the log there, not to the console. */
    public static final String LOG = "newsflow-demo.log";
    /** What a demo run did, for the summary and for tests. */
    public record Result(int published, int enriched, long deadLettered, Map<String, Integer> perLabel,
                         long filesWritten, EnrichedArticle example, double seconds, List<EnrichedArticle> events) {
    }

    /** Files are cut after 200 ms of quiet so the demo sees them at once; the data-driven rules stay the same. */
    private Demo() {
    }

    public static Result run(List<Path> inputs, Path out, Duration timeout, PrintStream console)
            throws InterruptedException {
        return run(inputs, out, timeout, console, null);
    }

    /** As above with the topic taxonomy in {@code taxonomy} (the shipped one when null). */
    public static Result run(List<Path> inputs, Path out, Duration timeout, PrintStream console, Path taxonomy)
            throws InterruptedException {
        return run(inputs, out, timeout, console, taxonomy, List.of(), SinkTopology.Options.DEFAULTS);
    }

    /** As above, with the user's topic models (before the shipped one) and the router's country routing. */
    public static Result run(List<Path> inputs, Path out, Duration timeout, PrintStream console, Path taxonomy,
                             List<Path> topicModels, SinkTopology.Options routing) throws InterruptedException {
        return run(inputs, out, timeout, console, taxonomy, topicModels, routing, null, r -> { });
    }

    /**
     * As above, serving the live page as {@code web} says (null: no page); {@code whenDone} gets the result once
     * the input is through, before the demo keeps serving (to print the summary while the page is up).
     */
    public static Result run(List<Path> inputs, Path out, Duration timeout, PrintStream console, Path taxonomy,
                             List<Path> topicModels, SinkTopology.Options routing, DemoWeb.Options web,
                             java.util.function.Consumer<Result> whenDone) throws InterruptedException {
        long t0 = System.nanoTime();
        Path work = tempDir();
        try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("broker"), 0)) {
            console.printf("broker ready on %s in %.1f s%n", broker.bootstrapServers(), seconds(t0));
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()));
            Topics topics = Topics.DEFAULTS;
            Enricher enricher = Enricher.standard(Clock.systemUTC(), taxonomy, topicModels);
            TopicAdmin.create(client, topics, enricher.labels(), routing.countryTopicCodes(),
                    Optional.of(TopicAdmin.DEFAULT_PARTITIONS),
                    Optional.of((short) 1));

            Map<String, Object> streamsClient = new HashMap<>(client);
            streamsClient.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("streams").toString());
            // One registry and, with a page, one endpoint for the whole process: the page, live events, the trends
            // API, /health and /metrics of the three stages.
            try (ProcessMetrics metrics = new ProcessMetrics();
                 StageMonitor enrichMonitor = StageMonitor.on("enrich", metrics, Readiness.DEFAULT_MAX_LAG);
                 StageMonitor sinkMonitor = StageMonitor.on("sink", metrics, Readiness.DEFAULT_MAX_LAG);
                 StageMonitor trendsMonitor = StageMonitor.on("trends", metrics, Readiness.DEFAULT_MAX_LAG);
                 StreamsService enrich = new StreamsService("enrich",
                         EnrichTopology.build(topics, enricher, EnrichTopology.Options.DEFAULTS,
                                 enrichMonitor.meters()),
                         enrichMonitor.withMeters(EnrichTopology.config(streamsClient, topics)));
                 SinkService sink = new SinkService(client, sinkMonitor.withMeters(
                         SinkTopology.config(streamsClient, topics)), topics, out, RotationPolicy.INTERACTIVE, routing,
                         sinkMonitor.meters()).writer("demo");
                 DemoWeb page = web == null ? null : DemoWeb.start(web.http(), client, topics);
                 TrendsService trends = page == null
                         ? new TrendsService(TrendsTopology.config(streamsClient, topics), topics,
                                 TrendsTopology.Options.DEFAULTS, "127.0.0.1:0")
                         : TrendsService.on(page.endpoint(), web.http(),
                                 trendsMonitor.withMeters(TrendsTopology.config(streamsClient, topics)), topics,
                                 TrendsTopology.Options.DEFAULTS, trendsMonitor.meters())) {
                enrichMonitor.watch(enrich);
                sinkMonitor.watch(sink.router());
                trendsMonitor.watch(trends.service());
                if (page != null) {
                    HealthRoutes.register(page.endpoint(), metrics, () -> Readiness.all(List.of(
                            enrichMonitor.readiness(), sinkMonitor.readiness(), trendsMonitor.readiness())));
                }
                enrich.start(Duration.ofSeconds(60));
                sink.start(Duration.ofSeconds(60));
                trends.start(Duration.ofSeconds(60));
                console.printf("enrich, sink and trends running after %.1f s; trends API on %s%n", seconds(t0),
                        trends.url("/api/trends"));

                if (page != null) {
                    console.printf("live page on %s%n", page.url());
                }
                Result result;
                IngestSummary ingest = Ingestor.run(client, topics, inputs, Clock.systemUTC());
                console.print(ingest.render());
                if (ingest.published() == 0) {
                    throw new IllegalStateException("nothing was published from " + inputs);
                }
                try (PipelineObserver observer = new PipelineObserver(client, topics, enricher.labels())) {
                    long deadline = System.nanoTime() + timeout.toNanos();
                    while (!(observer.complete(ingest.published())
                            && sink.files().written() >= observer.enriched().size())) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("pipeline did not finish within " + timeout.toSeconds()
                                    + " s: enriched " + observer.enriched().size() + " of " + ingest.published()
                                    + ", files " + sink.files().written());
                        }
                        if (sink.failure() != null) {
                            throw new IllegalStateException("sink failed: " + sink.failure().getMessage(),
                                    sink.failure());
                        }
                        observer.poll(Duration.ofMillis(200));
                    }
                    Map<String, Integer> perLabel = new java.util.TreeMap<>();
                    observer.labelTopicIds().forEach((label, ids) -> perLabel.put(label, ids.size()));
                    EnrichedArticle example = ingest.publishedIds().stream().map(observer.enriched()::get)
                            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    List<EnrichedArticle> events = ingest.publishedIds().stream().map(observer.enriched()::get)
                            .filter(java.util.Objects::nonNull).toList();
                    result = new Result(ingest.published(), observer.enriched().size(),
                            observer.deadLetters().size(), perLabel, sink.files().written(), example, seconds(t0),
                            events);
                }
                whenDone.accept(result);
                if (page != null && web.keepServing()) {
                    Throwable failure = page.serve(web, client, topics, console,
                            () -> sink.failure() != null ? sink.failure()
                                    : enrich.state().isShuttingDown() || enrich.state().hasCompletedShutdown()
                                    ? new IllegalStateException("enrich stopped (" + enrich.state() + ")") : null);
                    if (failure != null) {
                        throw new IllegalStateException("demo stopped: " + failure.getMessage(), failure);
                    }
                }
                return result;
            }
        } finally {
            Directories.deleteTree(work);
        }
    }

    /** The summary a newcomer reads, last on the screen; the first article's whole event before it on request. */
    public static void print(Result r, Path out, PrintStream console, boolean showJson) {
        if (showJson && r.example() != null) {
            console.println();
            console.println("enriched event of the first article (" + r.example().id() + "):");
            try {
                console.println(Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(r.example()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dir = out.toAbsolutePath().normalize();
        console.println();
        console.println("== newsflow demo summary ==");
        console.printf("%-44s %-20s %s%n", "article", "labels", "top entities");
        for (EnrichedArticle e : r.events()) {
            String entities = e.entities().stream()
                    .filter(x -> x.type() != io.newsflow.events.EntityType.MISC)
                    .sorted(Comparator.comparingInt((io.newsflow.events.Entity x) -> -x.mentions().size()))
                    .limit(3).map(io.newsflow.events.Entity::name).reduce((a, b) -> a + ", " + b).orElse("");
            console.printf("%-44s %-20s %s%n", cut(e.title(), 44), cut(String.join(",", e.labels()), 20),
                    cut(entities, 60));
        }
        console.println();
        console.printf("articles in %d, enriched %d, dead-lettered %d; per label %s%n", r.published(), r.enriched(),
                r.deadLettered(), r.perLabel());
        console.printf("files: %d events under %s (enriched/date=.../, topics/<label>/date=.../)%n",
                r.filesWritten(), dir);
        console.printf("log:   %s%n", dir.resolve(LOG));
        console.printf("end to end %.1f s, broker start included%s%n", r.seconds(),
                showJson ? "" : "; --show-json prints the first article's whole event");
    }

    private static String cut(String s, int n) {
        String one = s.replace('\n', ' ').strip();
        return one.length() <= n ? one : one.substring(0, n - 1) + "…";
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("newsflow-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
