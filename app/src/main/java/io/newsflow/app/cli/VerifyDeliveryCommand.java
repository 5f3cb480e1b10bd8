package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.tools.delivery.DeliveryVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The crash-and-fault delivery check as a command; exits 1 if anything was lost or duplicated. */
@Command(name = "verify-delivery", mixinStandardHelpOptions = true,
        description = "Start a broker, enrich and sink as separate JVMs, ingest N generated articles while killing "
                + "the stages with SIGKILL and restarting the broker, then check every output holds each article "
                + "exactly once. With --instances 2, two of each share the partitions and a killed one's work must be "
                + "done by the others. Exits 1 if anything was lost or duplicated (or a takeover not seen).")
public final class VerifyDeliveryCommand implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "5000", description = "Articles to ingest (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--kills", defaultValue = "3", description = "SIGKILLs of enrich or sink (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--broker-restarts", defaultValue = "1",
            description = "Broker restarts on the same data directory (default ${DEFAULT-VALUE}).")
    int brokerRestarts;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the articles and the fault schedule.")
    long seed;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the run keeps its data and logs "
            + "(default: a new temporary directory, kept for inspection).")
    Path workDir;

    @Option(names = "--timeout", defaultValue = "900", description = "Seconds to wait for the drain (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--transaction-version", defaultValue = "1", paramLabel = "1|2",
            description = "Transactions protocol of the run's broker (default ${DEFAULT-VALUE}).")
    int transactionVersion;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
            description = "JVMs of enrich and of sink, sharing each stage's partitions (default ${DEFAULT-VALUE}). "
                    + "1: a killed stage is restarted at once. 2 or more: a killed instance stays down until the "
                    + "others have taken over its partitions, each with its own --state-dir, the sinks one --out.")
    int instances;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (instances < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--instances must be >= 1");
        }
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("newsflow-verify-");
        System.out.println("verify-delivery: working in " + work);
        DeliveryVerifier.Report report = DeliveryVerifier.run(articles, kills, brokerRestarts, seed, work,
                Duration.ofSeconds(timeoutSeconds), System.out, transactionVersion, instances);
        System.out.print(report.render());
        return report.ok() ? Exit.OK : Exit.FAILED;
    }
}
