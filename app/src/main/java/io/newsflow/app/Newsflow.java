package io.newsflow.app;

import io.newsflow.app.cli.BenchCommand;
import io.newsflow.app.cli.BrokerCommand;
import io.newsflow.app.cli.BuildGazetteerCommand;
import io.newsflow.app.cli.DemoCommand;
import io.newsflow.app.cli.EnrichCommand;
import io.newsflow.app.cli.EnrichFileCommand;
import io.newsflow.app.cli.EvalNerCommand;
import io.newsflow.app.cli.EvalTopicsCommand;
import io.newsflow.app.cli.IngestCommand;
import io.newsflow.app.cli.ReplayCommand;
import io.newsflow.app.cli.SinkCommand;
import io.newsflow.app.cli.SubscribeCommand;
import io.newsflow.app.cli.TopicsCommand;
import io.newsflow.app.cli.TrendsCommand;
import io.newsflow.app.cli.TrainNerCommand;
import io.newsflow.app.cli.TrainTopicsCommand;
import io.newsflow.app.cli.VerifyDeliveryCommand;
import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code newsflow} command: one subcommand a stage, plus the demo and the embedded broker. Exit codes ({@link Exit}):
 * 0 done, 1 the work failed (nothing published, a send failed, a stage died), 2 bad usage, 3 could not start
 * (broker unreachable, a topic missing, start-up timed out, bad configuration), 4 done but some inputs were rejected
 * (ingest: every good article was published, each bad one reported).
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "Kafka Streams pipeline: news articles in, entities and topic labels out.",
        subcommands = {DemoCommand.class, BrokerCommand.class, TopicsCommand.class, IngestCommand.class,
            EnrichCommand.class, SinkCommand.class, TrendsCommand.class, SubscribeCommand.class, ReplayCommand.class,
            VerifyDeliveryCommand.class, EvalTopicsCommand.class, TrainTopicsCommand.class, EnrichFileCommand.class, TrainNerCommand.class, EvalNerCommand.class, BuildGazetteerCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class Newsflow implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Newsflow());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? Exit.USAGE
                : e instanceof StartupException ? Exit.CANNOT_START : Exit.FAILED);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("newsflow " + commandLine.getCommandName() + ": " + describe(e));
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cl;
    }

    /** The message and the distinct messages of its causes: "cannot list topics: ...: Authentication failed ...". */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    @CommandLine.Option(names = "--log-level", scope = CommandLine.ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "newsflow's log level: trace, debug, info (default), warn, error, off. Also "
                    + "NEWSFLOW_LOG_LEVEL.")
    String logLevel;

    public static void main(String[] args) {
        String error = LogSetup.apply(args, System.getenv());
        if (error != null) {
            System.err.println("newsflow: " + error);
            System.exit(Exit.USAGE);
        }
        System.exit(commandLine().execute(args));
    }
}
