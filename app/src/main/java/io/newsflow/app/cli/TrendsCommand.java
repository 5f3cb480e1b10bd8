package io.newsflow.app.cli;

import io.newsflow.events.Topics;
import io.newsflow.runtime.BrokerCheck;
import io.newsflow.runtime.DemoWeb;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.runtime.config.Durations;
import io.newsflow.runtime.config.ForcedSettings;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.config.StreamsSettings;
import io.newsflow.runtime.http.HttpEndpoint;
import io.newsflow.runtime.http.LiveEvents;
import io.newsflow.runtime.metrics.StageMonitor;
import io.newsflow.runtime.config.NewsflowConfig;
import io.newsflow.runtime.trends.TrendsService;
import io.newsflow.trends.TrendsTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the trends stage and its query API until SIGTERM/SIGINT. */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = "Run the trends stage (news.enriched -> windowed counts and spike scores per entity, label and "
                + "country -> news.trends, emit-final) and its query API on --http, until SIGTERM/SIGINT.")
public final class TrendsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Mixin
    StageOptions stage;

    @Mixin
    StreamsOptions streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8081",
            description = "Where the query API listens (default ${DEFAULT-VALUE}; :PORT for every interface). Also "
                    + "the address other trends instances forward queries to (application.server), so with more "
                    + "instances give an address they can reach.")
    String http;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "1h",
            description = "How long after a window's end, in publish time, a late article still counts in it; the "
                    + "window's final count goes to news.trends after that (default ${DEFAULT-VALUE}).")
    String grace;

    @Override
    public Integer call() throws InterruptedException {
        TrendsTopology.Options options;
        try {
            HttpEndpoint.parse(http);
            options = new TrendsTopology.Options(Durations.parse(grace, "--grace"),
                    TrendsTopology.DEFAULT_ARTICLES_PER_ENTITY);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        streams.into(client.extraFlags);
        Settings settings = client.settings("trends");
        Map<String, Object> kafka = ForcedSettings.apply(settings.kafka(), ForcedSettings.STREAMS);
        Topics topics = ClientOptions.topics(settings);
        // Before the broker is checked: a taken port fails at once (exit 3), and liveness answers meanwhile.
        try (StageMonitor monitor = StageMonitor.start("trends", http, settings.getInt(NewsflowConfig.READY_MAX_LAG))) {
            BrokerCheck.require(kafka, List.of(topics.enriched(), topics.trends()),
                    Duration.ofSeconds(stage.startupTimeout));
            // The live page and its latest events are served with the query API: one address for a reader.
            try (LiveEvents live = new LiveEvents(settings.kafka(), topics).register(monitor.endpoint())) {
                monitor.endpoint().staticFiles("/", DemoWeb.PAGE);
                TrendsService service = TrendsService.on(monitor.endpoint(), http,
                        monitor.withMeters(StreamsSettings.apply(TrendsTopology.config(kafka, topics), settings)),
                        topics, options, monitor.meters());
                monitor.watch(service.service());
                System.out.println("trends query API on " + service.url("/api/trends") + "; live page on "
                        + service.url("/"));
                return Lifecycle.runUntilStopped("trends", service, stage.startupTimeout, stage.readyFile);
            }
        }
    }
}
