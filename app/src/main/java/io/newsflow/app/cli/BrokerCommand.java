package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.runtime.EmbeddedBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded single-node KRaft broker until stopped, for trying the stages one by one. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft, in-process) on loopback until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "data/broker",
            description = "Where the broker keeps its data; reused on restart (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--transaction-version", defaultValue = "1", paramLabel = "1|2",
            description = "Transactions protocol a new data directory is formatted with (default ${DEFAULT-VALUE}; "
                    + "Kafka 4's own default is 2, see docs/reliability.md).")
    int transactionVersion;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(dataDir, port, java.util.Map.of(), transactionVersion);
        } catch (RuntimeException e) {
            throw new StartupException("cannot start the broker: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "newsflow-broker-shutdown"));
        System.out.println("broker ready on " + broker.bootstrapServers() + " (data in " + dataDir + "); Ctrl-C stops");
        stopped.await();
        return Exit.OK;
    }
}
