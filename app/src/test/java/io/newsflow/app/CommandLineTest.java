package io.newsflow.app;

import io.newsflow.runtime.Exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.runtime.KafkaCluster;
import io.newsflow.runtime.SinkFiles;
import io.newsflow.events.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The newsflow command as a user runs it: help everywhere, exit codes, and the stages against a real broker. */
class CommandLineTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();

    static CommandRun run(String... args) {
        return CommandRun.run(args);
    }

    @Test
    void everySubcommandHasHelp() {
        for (List<String> cmd : List.<List<String>>of(List.of(), List.of("demo"), List.of("broker"), List.of("topics"),
                List.of("topics", "create"), List.of("ingest"), List.of("enrich"), List.of("sink"), List.of("subscribe"),
                List.of("eval-topics"))) {
            String[] args = Stream.concat(cmd.stream(), Stream.of("--help")).toArray(String[]::new);
            CommandRun r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage: newsflow"), r.out());
        }
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(Exit.USAGE, run("ingest").code(), "ingest needs a path");
        assertEquals(Exit.USAGE, run("sink").code(), "sink needs --out");
        assertEquals(Exit.USAGE, run("no-such-command").code());
        assertEquals(Exit.USAGE, run("subscribe").code(), "subscribe needs --label, --entity or --country");
        assertEquals(Exit.USAGE, run("subscribe", "--label", "a", "--country", "VE").code(), "only one of them");
        assertEquals(Exit.USAGE, run("subscribe", "--country", "Venezuela").code(), "ISO codes only");
        assertEquals(Exit.USAGE, run("subscribe", "--label", "../x").code());
    }

    @Test
    void topicsCreateIsIdempotentAndIngestPublishesTheSeeds(@TempDir Path dir) throws Exception {
        String bootstrap = KAFKA.bootstrapServers();
        assertEquals(0, run("topics", "create", "--bootstrap-server", bootstrap, "--partitions", "1").code());
        assertTrue(topicNames().contains("news.mentions"));
        assertTrue(topicNames().stream().noneMatch(t -> t.startsWith("news.country.")), "no country topics unasked");
        assertEquals(0, run("topics", "create", "--bootstrap-server", bootstrap).code(), "second run is a no-op");
        CommandRun countries = run("topics", "create", "--bootstrap-server", bootstrap, "--country-routing",
                "--countries", "ve,FR");
        assertEquals(0, countries.code(), countries.err());
        assertEquals(java.util.Set.of("news.country.FR", "news.country.VE"), topicNames().stream()
                .filter(t -> t.startsWith("news.country.")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Exit.CANNOT_START, run("topics", "create", "--bootstrap-server", bootstrap,
                "--country-routing", "--countries", "VEN").code(), "country codes are checked before any topic");
        CommandRun missing = run("subscribe", "--bootstrap-server", bootstrap, "--label", "no-such-label");
        assertEquals(Exit.CANNOT_START, missing.code());
        assertTrue(missing.err().contains("news.topic.no-such-label does not exist"), missing.err());

        Path config = dir.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=" + bootstrap + "\nclient.id=cli-test\n");
        assertEquals(0, run("ingest", "--config", config.toString(), Seeds.seedArticle().toString()).code());

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "\n\n");
        assertEquals(Exit.FAILED, run("ingest", "--bootstrap-server", bootstrap, bad.toString()).code(),
                "nothing publishable is a failure");
    }

    @Test
    void topicsCreateDefaultsToSixPartitionsAndSaysSo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        String p = "parts" + System.nanoTime();
        Files.writeString(config, "bootstrap.servers=" + KAFKA.bootstrapServers() + "\ntopic.raw=" + p + ".raw\n"
                + "topic.enriched=" + p + ".enriched\ntopic.dlq=" + p + ".dlq\ntopic.mentions=" + p + ".mentions\n"
                + "topic.label.prefix=" + p + ".topic.\n");
        CommandRun r = run("topics", "create", "--config", config.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("created " + p + ".raw with 6 partitions"), r.out());
        assertEquals(io.newsflow.runtime.TopicAdmin.DEFAULT_PARTITIONS, partitions(p + ".raw"));
        assertEquals(6, partitions(p + ".mentions"));

        Files.writeString(config, Files.readString(config).replace(p, p + "x"));
        CommandRun two = run("topics", "create", "--config", config.toString(), "--partitions", "2");
        assertEquals(0, two.code(), two.err());
        assertTrue(two.out().contains("created " + p + "x.enriched with 2 partitions"), two.out());
        assertEquals(2, partitions(p + "x.enriched"));
    }

    static int partitions(String topic) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                KAFKA.clientConfig())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    static java.util.Set<String> topicNames() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                KAFKA.clientConfig())) {
            return admin.listTopics().names().get();
        }
    }

    @Test
    void replayDryRunSaysWhatItWouldDoAndOutNeedsASuffix() {
        String bootstrap = KAFKA.bootstrapServers();
        assertEquals(0, run("topics", "create", "--bootstrap-server", bootstrap).code());
        CommandRun dry = run("replay", "--bootstrap-server", bootstrap, "--from", "2020-01-01", "--output-suffix", "x",
                "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertEquals(Exit.USAGE, run("replay", "--bootstrap-server", bootstrap, "--from", "2020-01-01",
                "--out", "somewhere").code());
        assertEquals(Exit.FAILED, run("replay", "--bootstrap-server", bootstrap, "--from", "yesterday",
                "--dry-run").code());
    }

    @Test
    void missingConfigFileIsAStartupFailureNamingTheFile() {
        CommandRun r = run("topics", "create", "--config", "/no/such/file.properties");
        assertEquals(Exit.CANNOT_START, r.code());
        assertTrue(r.err().contains("/no/such/file.properties"), r.err());
    }

    @Test
    void unreachableBrokerIsAStartupFailureNamingTheBootstrapServers(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("fast-fail.properties");
        Files.writeString(config, "default.api.timeout.ms=2000\nrequest.timeout.ms=1000\n");
        CommandRun r = run("topics", "create", "--bootstrap-server", "127.0.0.1:1", "--config", config.toString());
        assertEquals(Exit.CANNOT_START, r.code());
        assertTrue(r.err().contains("127.0.0.1:1"), r.err());
    }

    @Test
    void demoRunsTheWholePipelineAndLeavesTheSeedEventInTheOutput(@TempDir Path out) throws Exception {
        CommandRun r = run("demo", "--input", Seeds.dir().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String seedId = io.newsflow.ingest.ArticleIds.of("Venezuela's Nicolas Maduro and Russia's Vladimir Putin",
                io.newsflow.ingest.PlainTextArticleParser.parse(Files.readString(Seeds.seedArticle())).body());
        List<String> ids = SinkFiles.idsInFiles(out).get("enriched");
        assertTrue(ids.contains(seedId), "seed event in " + out);
        assertTrue(SinkFiles.idsInFiles(out).get("topics/diplomacy").contains(seedId));
    }
}
