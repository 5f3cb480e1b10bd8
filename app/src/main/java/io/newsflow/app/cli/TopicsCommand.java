package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.TopicAdmin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Topic management. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage the pipeline's topics.",
        subcommands = TopicsCommand.Create.class)
public final class TopicsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create news.raw, news.enriched, news.dlq, news.mentions, one news.topic.<label> per "
                    + "label and, with --country-routing, one news.country.<CC> per allowed country; existing "
                    + "topics are left alone.")
    static final class Create implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ClientOptions client;

        @Mixin
        TaxonomyOption taxonomy;

        @Mixin
        CountryRoutingOptions countryRouting;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions per topic (default "
                + TopicAdmin.DEFAULT_PARTITIONS + ", so that enrich and the sink router can use several cores).")
        Integer partitions;

        @Option(names = "--replication-factor", description = "Replicas per topic (default: the broker's default).")
        Short replication;

        @Override
        public Integer call() throws InterruptedException {
            Settings settings = client.settings("topics");
            List<String> labels = taxonomy.load().labelIds();
            int count = partitions == null ? TopicAdmin.DEFAULT_PARTITIONS : partitions;
            List<String> created = createAll(settings, labels,
                    countryRouting.resolve(settings).countryTopicCodes(), Optional.of(count),
                    Optional.ofNullable(replication));
            java.io.PrintWriter out = spec.commandLine().getOut();
            created.forEach(t -> out.println("created " + t + " with " + count + " partition"
                    + (count == 1 ? "" : "s")));
            out.println("topics created: " + (created.isEmpty() ? "none (all existed)" : created.size()));
            out.flush();
            return Exit.OK;
        }
    }

    static List<String> createAll(Settings settings, List<String> labels, Optional<Integer> partitions,
                                  Optional<Short> replication) throws InterruptedException {
        return createAll(settings, labels, java.util.Set.of(), partitions, replication);
    }

    static List<String> createAll(Settings settings, List<String> labels, java.util.Collection<String> countries,
                                  Optional<Integer> partitions, Optional<Short> replication)
            throws InterruptedException {
        try {
            return TopicAdmin.create(settings.kafka(), ClientOptions.topics(settings), labels, countries, partitions,
                    replication);
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage() + " (bootstrap " + settings.get(Settings.BOOTSTRAP)
                    + ")", e);
        }
    }
}
