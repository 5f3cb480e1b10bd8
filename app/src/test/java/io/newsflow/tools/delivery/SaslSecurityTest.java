package io.newsflow.tools.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.EmbeddedBroker;
import io.newsflow.events.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka client security through --config, against a broker whose client listener is SASL_PLAINTEXT (PLAIN): the
 * right credentials work, wrong ones fail fast naming the cause, and no password reaches the output or the logs
 * (the commands run as child JVMs so their whole output, logging included, is read).
 */
class SaslSecurityTest {
    static final String PASSWORD = "alice-S3cret-pw";
    static final String WRONG = "guessed-Wr0ng-pw";

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0, Map.of("alice", PASSWORD));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    static Path config(String name, String password) throws Exception {
        Path file = dir.resolve(name + ".properties");
        Files.writeString(file, String.join("\n",
                "bootstrap.servers=" + broker.bootstrapServers(),
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"alice\" password=\"" + password + "\";",
                "default.api.timeout.ms=20000",
                "request.timeout.ms=10000") + "\n");
        return file;
    }

    record Outcome(int exit, String output, double seconds) {
    }

    static Outcome runChild(String name, List<String> args) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        ChildProcess child = new ChildProcess(name, logs, null, args);
        long t0 = System.nanoTime();
        child.start();
        int exit = child.waitForExit(Duration.ofSeconds(120));
        return new Outcome(exit, Files.readString(logs.resolve(name + "-1.log")), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void rightCredentialsWork() throws Exception {
        Path good = config("good", PASSWORD);
        Outcome topics = runChild("topics-good", List.of("topics", "create", "--config", good.toString()));
        assertEquals(0, topics.exit(), topics.output());
        Outcome ingest = runChild("ingest-good", List.of("ingest", "--config", good.toString(),
                Seeds.seedArticle().toString()));
        assertEquals(0, ingest.exit(), ingest.output());
        assertTrue(ingest.output().contains("published 1"), ingest.output());
        assertFalse(topics.output().contains(PASSWORD) || ingest.output().contains(PASSWORD), "password leaked");
    }

    @Test
    void wrongCredentialsFailFastNamingTheCauseWithoutThePassword() throws Exception {
        Path bad = config("bad", WRONG);
        Outcome topics = runChild("topics-bad", List.of("topics", "create", "--config", bad.toString()));
        assertEquals(Exit.CANNOT_START, topics.exit(), topics.output());
        assertTrue(topics.output().toLowerCase().contains("authentication failed"), topics.output());
        assertTrue(topics.seconds() < 20, "fails fast, not after the API timeout: " + topics.seconds() + " s");
        assertFalse(topics.output().contains(WRONG), "password leaked: " + topics.output());

        Outcome ingest = runChild("ingest-bad", List.of("ingest", "--config", bad.toString(),
                Seeds.seedArticle().toString()));
        // Ingest checks the broker at start, so refused credentials are "could not start", as for topics.
        assertEquals(Exit.CANNOT_START, ingest.exit(), ingest.output());
        assertTrue(ingest.output().toLowerCase().contains("authentication failed"), ingest.output());
        assertFalse(ingest.output().contains(WRONG), "password leaked: " + ingest.output());
    }
}
