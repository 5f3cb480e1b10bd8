package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.CommandRun;
import io.newsflow.runtime.Exit;
import io.newsflow.runtime.KafkaCluster;
import io.newsflow.runtime.TopicAdmin;
import io.newsflow.events.ArticleSize;
import io.newsflow.events.Json;
import io.newsflow.events.Topics;
import io.newsflow.ingest.ArticleIds;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of ingest against a real broker: every bad-input class among good lines, in each mode (path,
 * directory, archive, watched directory), gives every good article in news.raw exactly once and every bad line
 * reported with its number; over-size inputs are rejected before sending; start-up failures exit 3 in one line.
 */
class IngestEdgesTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();

    static final String HUGE_BODY = "x".repeat(ArticleSize.MAX_BODY_BYTES + 1);

    /** Line number (1-based) to the reason each bad line must be reported with. */
    static final Map<Integer, String> BAD = new LinkedHashMap<>();
    static final Set<String> GOOD_IDS = new TreeSet<>();

    static byte[] mixedJsonl() {
        BAD.clear();
        GOOD_IDS.clear();
        List<byte[]> lines = new ArrayList<>();
        String clean = "Oil talks resume";
        String cleanBody = "Ministers met.\n\nNo deal yet.";
        Object[][] spec = {
            {"{\"id\":\"good-1\",\"title\":\"One\",\"body\":\"First.\"}", null},
            {new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}, "not valid UTF-8"},
            {"{\"id\":\"good-2\",\"title\":\"Two\",\"body\":\"Second.\",\"published_at\":\"2019-03-14T09:30:00Z\"}", null},
            {"{broken", "malformed JSON"},
            {"{\"body\":\"no title\"}", "missing field 'title'"},
            {"{\"id\":\"big\",\"title\":\"Big\",\"body\":\"" + HUGE_BODY + "\"}", "article too large: body of"},
            {"{\"title\":\"Oil\\u009d talks\\u009d resume\",\"body\":\"Ministers\\u0007 met.\\r\\n\\r\\nNo deal yet.\"}",
                null},
            {"[1,2]", "expected a JSON object"},
            {"{\"title\":\"t\",\"body\":\"b\",\"published_at\":\"yesterday\"}", "published_at is not an ISO-8601"},
            {"{\"title\":5,\"body\":\"b\"}", "field 'title' must be a string"},
            {"{\"title\":\"t\",\"body\":\"b\",\"schema_version\":2}", "unsupported schema_version"},
            {"{\"title\":\" \",\"body\":\" \"}", "empty article"},
            {"{\"id\":\"good-3\",\"title\":\"Three\",\"body\":\"Third, after every bad line.\"}", null},
        };
        for (int i = 0; i < spec.length; i++) {
            Object line = spec[i][0];
            lines.add(line instanceof byte[] b ? b : ((String) line).getBytes(StandardCharsets.UTF_8));
            if (spec[i][1] != null) {
                BAD.put(i + 1, (String) spec[i][1]);
            }
        }
        GOOD_IDS.addAll(List.of("good-1", "good-2", "good-3", ArticleIds.of(clean, cleanBody)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
            out.write('\n');
        }
        return out.toByteArray();
    }

    static Path config(Path dir, String rawTopic) throws Exception {
        return KAFKA.rawTopicConfig(dir, rawTopic);
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return KAFKA.readAll(topic);
    }

    /** Every good article exactly once, with the control characters gone; nothing else. */
    static void assertGoodOnlyOnce(String topic) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = readAll(topic);
        List<String> keys = records.stream().map(ConsumerRecord::key).sorted().toList();
        assertEquals(new ArrayList<>(GOOD_IDS), keys, topic);
        for (ConsumerRecord<String, byte[]> r : records) {
            JsonNode a = Json.MAPPER.readTree(r.value());
            assertEquals(r.key(), a.get("id").asText());
            if (a.get("title").asText().startsWith("Oil")) {
                assertEquals("Oil talks resume", a.get("title").asText());
                assertEquals("Ministers met.\n\nNo deal yet.", a.get("body").asText());
            }
        }
    }

    static void assertReported(String output, String file) {
        for (Map.Entry<Integer, String> bad : BAD.entrySet()) {
            String expected = "rejected " + file + ":" + bad.getKey() + ": " + bad.getValue();
            assertTrue(output.contains(expected), () -> "no '" + expected + "' in\n" + output);
        }
        assertEquals(BAD.size(), output.lines().filter(l -> l.startsWith("  rejected ")).count(), output);
    }

    @Test
    void everyBadInputClassAmongGoodLinesInEveryMode(@TempDir Path dir) throws Exception {
        byte[] mixed = mixedJsonl();
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, mixed);

        CommandRun path = CommandRun.run("ingest", "--config", config(dir, "edges.path").toString(),
                file.toString());
        assertEquals(Exit.SOME_REJECTED, path.code(), path.err());
        assertTrue(path.out().contains("ingest: published 4, duplicates skipped 0, rejected " + BAD.size()), path.out());
        assertReported(path.out(), file.toString());
        assertGoodOnlyOnce("edges.path");

        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.write(tree.resolve("mixed.ndjson"), mixed);
        CommandRun directory = CommandRun.run("ingest", "--config",
                config(dir, "edges.dir").toString(), dir.resolve("tree").toString());
        assertEquals(Exit.SOME_REJECTED, directory.code(), directory.err());
        assertReported(directory.out(), tree.resolve("mixed.ndjson").toString());
        assertGoodOnlyOnce("edges.dir");

        CommandRun archive = CommandRun.run("ingest", "--config",
                config(dir, "edges.archive").toString(), "--archive", file.toString());
        assertEquals(Exit.SOME_REJECTED, archive.code(), archive.err());
        assertReported(archive.out(), file.toString());
        assertGoodOnlyOnce("edges.archive");

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.write(inbox.resolve("mixed.jsonl"), mixed);
        CommandRun watch = CommandRun.run("ingest", "--config", config(dir, "edges.watch").toString(),
                "--watch", inbox.toString(), "--once");
        assertEquals(Exit.SOME_REJECTED, watch.code(), watch.err());
        String reason = Files.readString(inbox.resolve("error/mixed.jsonl.reason"));
        for (Map.Entry<Integer, String> bad : BAD.entrySet()) {
            assertTrue(reason.contains("line " + bad.getKey() + ": " + bad.getValue()), reason);
        }
        assertTrue(reason.contains("(4 other article(s) of this file were published)"), reason);
        assertGoodOnlyOnce("edges.watch");
    }

    @Test
    void overSizeFilesAreRejectedUnreadWithTheLimitInEveryMode(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        // Over the input cap (like the 50 MB .txt of the issue, smaller to keep the test quick): never read.
        Files.write(inbox.resolve("huge.txt"), ("Huge title\n\n" + "y".repeat(ArticleSize.MAX_INPUT_BYTES))
                .getBytes(StandardCharsets.UTF_8));
        // Under the input cap, over the body limit: parsed, then refused before sending.
        Files.writeString(inbox.resolve("long.txt"), "Long title\n\n" + HUGE_BODY + "\n");
        Files.writeString(inbox.resolve("small.txt"), "Small title\n\nA small body.\n");
        Path files = Files.createDirectories(dir.resolve("files"));
        for (String name : List.of("huge.txt", "long.txt", "small.txt")) {
            Files.copy(inbox.resolve(name), files.resolve(name));
        }

        CommandRun path = CommandRun.run("ingest", "--config", config(dir, "big.path").toString(),
                files.toString());
        assertEquals(Exit.SOME_REJECTED, path.code(), path.out() + path.err());
        assertTrue(path.out().contains("rejected " + files.resolve("huge.txt") + ": article too large: file of "),
                path.out());
        assertTrue(path.out().contains("over the limit of " + ArticleSize.MAX_INPUT_BYTES + " bytes"), path.out());
        assertTrue(path.out().contains("rejected " + files.resolve("long.txt") + ": article too large: body of "
                + (ArticleSize.MAX_BODY_BYTES + 1) + " bytes is over the limit of " + ArticleSize.MAX_BODY_BYTES),
                path.out());
        assertTrue(path.out().contains("failed to send 0"), path.out());
        assertEquals(1, readAll("big.path").size());

        CommandRun watch = CommandRun.run("ingest", "--config", config(dir, "big.watch").toString(),
                "--watch", inbox.toString(), "--once");
        assertEquals(Exit.SOME_REJECTED, watch.code(), watch.err());
        assertTrue(Files.readString(inbox.resolve("error/huge.txt.reason")).contains("article too large"));
        assertTrue(Files.readString(inbox.resolve("error/long.txt.reason")).contains("over the limit of "
                + ArticleSize.MAX_BODY_BYTES + " bytes"));
        assertTrue(Files.exists(inbox.resolve("done/small.txt")));
        assertFalse(Files.exists(inbox.resolve("huge.txt")), "not left behind to be retried forever");
        assertEquals(1, readAll("big.watch").size());
    }

    @Test
    void unreachableBrokerExitsThreeWithinTheStartupTimeoutInOneLine(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "Title\n\nBody.\n");
        long start = System.nanoTime();
        CommandRun r = CommandRun.run("ingest", "--bootstrap-server", "127.0.0.1:" + port,
                "--startup-timeout", "3", file.toString());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cannot reach Kafka at 127.0.0.1:" + port + " within 3 s"), r.err());
    }

    @Test
    void enrichBeforeTheTopicsExistSaysToCreateThem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("c.properties");
        Files.writeString(config, "topic.raw=not.created.raw\n");
        CommandRun r = CommandRun.run("enrich", "--bootstrap-server", KAFKA.bootstrapServers(),
                "--config", config.toString(), "--startup-timeout", "20");
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(r.err().contains("topic not.created.raw does not exist: run `newsflow topics create` first"),
                r.err());
    }

    @Test
    void sinkWithAnUnwritableOutputDirectoryExitsThreeBeforeItsReadyFile(@TempDir Path dir) throws Exception {
        Path regularFile = dir.resolve("a-file");
        Files.writeString(regularFile, "not a directory\n");
        // A parent that is a regular file, and a path under /proc: both fail even for root.
        for (Path out : List.of(regularFile.resolve("out"), Path.of("/proc/newsflow-sink-test-out"))) {
            Path ready = dir.resolve("ready");
            CommandRun r = CommandRun.run("sink", "--bootstrap-server", KAFKA.bootstrapServers(),
                    "--out", out.toString(), "--ready-file", ready.toString(), "--startup-timeout", "20");
            assertEquals(Exit.CANNOT_START, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("cannot write output directory " + out + ": "), r.err());
            assertFalse(Files.exists(ready), "no ready file for a sink that cannot write");
        }
    }

    @Test
    void sinkRefusesADirectoryAnotherClusterWrote(@TempDir Path dir) throws Exception {
        TopicAdmin.create(KAFKA.clientConfig(), Topics.DEFAULTS, List.of("diplomacy"), Optional.of(1),
                Optional.of((short) 1));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(io.newsflow.sink.OutputOwner.FILE), "{\"cluster_id\": \"another-cluster\", "
                + "\"topic\": \"news.enriched\", \"topic_id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"writer\": \"sink\"}\n");
        Path ready = dir.resolve("ready");
        CommandRun r = CommandRun.run("sink", "--bootstrap-server", KAFKA.bootstrapServers(),
                "--out", out.toString(), "--ready-file", ready.toString(), "--startup-timeout", "20");
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(r.err().contains("holds files from cluster another-cluster") && r.err().contains("this sink reads "
                + "cluster "), r.err());
        assertFalse(Files.exists(ready), "no ready file for a refused directory");
        assertTrue(Files.readString(out.resolve(io.newsflow.sink.OutputOwner.FILE)).contains("another-cluster"),
                "the other run's record is left as it was");
    }
}
