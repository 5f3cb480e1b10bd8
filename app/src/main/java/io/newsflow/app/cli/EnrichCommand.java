package io.newsflow.app.cli;

import io.newsflow.runtime.config.EnrichSettings;
import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.NewsflowConfig;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.config.StreamsSettings;
import io.newsflow.runtime.BrokerCheck;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.runtime.StreamsService;
import io.newsflow.runtime.metrics.StageMonitor;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the enrich stage until SIGTERM/SIGINT. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich stage (news.raw -> news.enriched, exactly once) until SIGTERM/SIGINT.")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Mixin
    TaxonomyOption taxonomy;

    @Mixin
    StageOptions stage;

    @Mixin
    StreamsOptions streams;

    @Mixin
    HttpOptions http;

    @Option(names = "--no-dedup", description = "Enrich every record, even an id enriched within the dedup window "
            + "(deliberate reprocessing). Setting: newsflow.dedup.enabled=false.")
    boolean noDedup;

    @Option(names = "--dedup-window", paramLabel = "DURATION",
            description = "How long an enriched id is remembered: 7d, 12h or ISO-8601 (default P7D). Setting: newsflow.dedup.window.")
    String dedupWindow;

    @Option(names = "--max-body-bytes", paramLabel = "N",
            description = "Largest body enriched; larger ones are dead-lettered (default 1048576). "
                    + "Setting: newsflow.max.body.bytes.")
    Integer maxBodyBytes;

    @Override
    public Integer call() throws InterruptedException {
        if (noDedup) {
            client.extraFlags.put(NewsflowConfig.DEDUP_ENABLED, "false");
        }
        client.extraFlags.put(NewsflowConfig.DEDUP_WINDOW, dedupWindow);
        client.extraFlags.put(NewsflowConfig.MAX_BODY_BYTES, maxBodyBytes == null ? null : maxBodyBytes.toString());
        streams.into(client.extraFlags);
        http.into(client.extraFlags);
        Settings settings = client.settings("enrich");
        Map<String, Object> kafka = ForcedSettings.apply(settings.kafka(), ForcedSettings.STREAMS);
        // Before the models load and the broker is checked: a taken port fails at once, and liveness answers.
        try (StageMonitor monitor = StageMonitor.start("enrich", settings.get(NewsflowConfig.HTTP),
                settings.getInt(NewsflowConfig.READY_MAX_LAG))) {
            return run(settings, kafka, monitor);
        }
    }

    private int run(Settings settings, Map<String, Object> kafka, StageMonitor monitor) throws InterruptedException {
        taxonomy.classifier();
        Enricher enricher = Enricher.standard(Clock.systemUTC(), taxonomy.file(), taxonomy.modelFiles())
                .withLimits(EnrichSettings.limits(settings));
        // Streams would report a missing source topic only as an ERROR state; name the fix instead.
        BrokerCheck.require(kafka, java.util.List.of(ClientOptions.topics(settings).raw()),
                java.time.Duration.ofSeconds(stage.startupTimeout));
        StreamsService service = new StreamsService("enrich",
                EnrichTopology.build(ClientOptions.topics(settings), enricher, EnrichSettings.options(settings),
                        monitor.meters()),
                monitor.withMeters(StreamsSettings.apply(EnrichTopology.config(kafka, ClientOptions.topics(settings)),
                        settings)));
        monitor.watch(service);
        return Lifecycle.runUntilStopped("enrich", service, stage.startupTimeout, stage.readyFile);
    }
}
