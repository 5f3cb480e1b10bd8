package io.newsflow.app.cli;

import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.NewsflowConfig;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.config.StreamsSettings;
import io.newsflow.runtime.config.SinkSettings;
import io.newsflow.runtime.BrokerCheck;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.runtime.SinkService;
import io.newsflow.runtime.metrics.StageMonitor;
import io.newsflow.sink.SinkTopology;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the sink stage until SIGTERM/SIGINT. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the sink stage (news.enriched -> news.topic.<label>, news.mentions, optionally "
                + "news.country.<CC>, and JSON Lines files) until SIGTERM/SIGINT.")
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory for the files.")
    Path out;

    @Mixin
    StageOptions stage;

    @Mixin
    StreamsOptions streams;

    @Mixin
    HttpOptions http;

    @Mixin
    CountryRoutingOptions countryRouting;

    @Option(names = "--rotate-records", paramLabel = "N",
            description = "Cut a partition's files after N records (default 10000). Setting: newsflow.sink.rotate.records.")
    Integer rotateRecords;

    @Option(names = "--rotate-event-time", paramLabel = "DURATION",
            description = "Within a segment, one file per event-time bucket of this size: 1d, 6h or ISO-8601 (default P1D). "
                    + "Setting: newsflow.sink.rotate.event.time.")
    String rotateEventTime;

    @Option(names = "--max-wait", paramLabel = "DURATION",
            description = "Cut files once the oldest buffered record waited this long: 5s, 500ms or ISO-8601 (default PT5S). "
                    + "Setting: newsflow.sink.max.wait.")
    String maxWait;

    @Override
    public Integer call() throws InterruptedException {
        client.extraFlags.put(NewsflowConfig.ROTATE_RECORDS, rotateRecords == null ? null : rotateRecords.toString());
        client.extraFlags.put(NewsflowConfig.ROTATE_EVENT_TIME, rotateEventTime);
        client.extraFlags.put(NewsflowConfig.MAX_WAIT, maxWait);
        streams.into(client.extraFlags);
        http.into(client.extraFlags);
        Settings settings = client.settings("sink");
        Map<String, Object> kafka = ForcedSettings.apply(settings.kafka(), ForcedSettings.STREAMS,
                ForcedSettings.SINK_FILES);
        try (StageMonitor monitor = StageMonitor.start("sink", settings.get(NewsflowConfig.HTTP),
                settings.getInt(NewsflowConfig.READY_MAX_LAG))) {
            return run(settings, kafka, monitor);
        }
    }

    private int run(Settings settings, Map<String, Object> kafka, StageMonitor monitor) throws InterruptedException {
        // Both before the ready file: a sink that cannot write or cannot read must not look healthy.
        SinkService.checkWritable(out);
        BrokerCheck.require(kafka, java.util.List.of(ClientOptions.topics(settings).enriched()),
                java.time.Duration.ofSeconds(stage.startupTimeout));
        SinkService.claimOutput(kafka, ClientOptions.topics(settings), out, "sink");
        SinkService service = new SinkService(kafka,
                StreamsSettings.apply(SinkTopology.config(kafka, ClientOptions.topics(settings)), settings),
                ClientOptions.topics(settings), out, SinkSettings.rotation(settings),
                countryRouting.resolve(settings), monitor.meters());
        monitor.watch(service.router());
        monitor.bind(service.files().consumer());
        monitor.bind(service.files().deadLetterProducer());
        return Lifecycle.runUntilStopped("sink", service, stage.startupTimeout, stage.readyFile);
    }
}
