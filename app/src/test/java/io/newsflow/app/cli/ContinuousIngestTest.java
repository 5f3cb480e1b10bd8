package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.app.CommandRun;
import io.newsflow.runtime.Exit;
import io.newsflow.runtime.KafkaCluster;
import io.newsflow.events.Json;
import io.newsflow.events.Seeds;
import io.newsflow.events.Topics;
import io.newsflow.ingest.Ingestor;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest --feed/--watch/--archive} as a user runs them, against a real broker and a loopback feed server:
 * what lands on the raw topic (key, ingest-time timestamp, published_at header, guid), and a restarted command
 * publishing nothing twice. Records are counted by end offsets, so "nothing more" needs no waiting.
 */
class ContinuousIngestTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.shared();

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loop Wire</title><link>http://x/</link>"
                + "<description>d</description>" + String.join("", items) + "</channel></rss>";
    }

    static String item(int n) {
        return "<item><guid>urn:loop:" + n + "</guid><title>Loop story " + n + "</title>"
                + "<link>http://news.test/loop/" + n + "?utm_source=feed</link>"
                + "<description>&lt;p&gt;Text of loop story " + n + ".&lt;/p&gt;</description>"
                + "<pubDate>Mon, 02 Jun 2025 0" + n + ":00:00 GMT</pubDate></item>";
    }

    Path config(Path dir, String rawTopic) throws Exception {
        return KAFKA.rawTopicConfig(dir, rawTopic);
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return KAFKA.readAll(topic);
    }

    @Test
    void feedOncePublishesWithIngestTimeAndHeaderAndARestartPublishesNothingTwice(@TempDir Path dir)
            throws Exception {
        Path config = config(dir, "feeds.raw");
        AtomicReference<String> feed = new AtomicReference<>(rss(item(1), item(2)));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", ex -> {
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            Path feedsFile = dir.resolve("feeds.txt");
            Files.writeString(feedsFile, "# test feeds\n\n" + url + "\n");
            String state = dir.resolve("state/feeds.json").toString();
            Instant before = Instant.now();
            CommandRun first = CommandRun.run("ingest", "--config", config.toString(), "--feeds",
                    feedsFile.toString(), "--once", "--state-file", state, "--host-gap", "0s");
            assertEquals(0, first.code(), first.err());
            List<ConsumerRecord<String, byte[]>> records = readAll("feeds.raw");
            assertEquals(2, records.size());

            ConsumerRecord<String, byte[]> r = records.get(0);
            JsonNode a = Json.MAPPER.readTree(r.value());
            assertEquals(a.get("id").asText(), r.key());
            assertEquals("urn:loop:1", a.get("guid").asText());
            assertEquals("http://news.test/loop/1", a.get("url").asText());
            assertEquals("2025-06-02T01:00:00Z", a.get("published_at").asText());
            assertEquals("feed_published", a.get("published_at_source").asText());
            assertEquals("Text of loop story 1.", a.get("body").asText());
            Header h = r.headers().lastHeader(Ingestor.PUBLISHED_AT_HEADER);
            assertNotNull(h);
            assertEquals("2025-06-02T01:00:00Z", new String(h.value(), StandardCharsets.UTF_8));
            assertTrue(r.timestamp() >= before.toEpochMilli(), "record time is ingest time, not 2025-06-02");
            assertEquals(Instant.parse(a.get("ingested_at").asText()).toEpochMilli(), r.timestamp());

            // A new process on the same state file, after the feed gained an item: only that item is sent.
            feed.set(rss(item(3), item(1), item(2)));
            CommandRun second = CommandRun.run("ingest", "--config", config.toString(), "--feed", url,
                    "--once", "--state-file", state, "--host-gap", "0s");
            assertEquals(0, second.code(), second.err());
            List<ConsumerRecord<String, byte[]>> after = readAll("feeds.raw");
            assertEquals(3, after.size());
            assertTrue(new String(after.get(2).value(), StandardCharsets.UTF_8).contains("Loop story 3"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableFeedFailsTheOnceRun(@TempDir Path dir) throws Exception {
        Path config = config(dir, "feeds.down");
        // Port 1 on loopback: connection refused at once.
        CommandRun r = CommandRun.run("ingest", "--config", config.toString(), "--feed",
                "http://127.0.0.1:1/feed.xml", "--once", "--state-file", dir.resolve("s.json").toString());
        assertEquals(Exit.FAILED, r.code());
        assertEquals(0, readAll("feeds.down").size());
    }

    @Test
    void archiveBackfillKeepsPublishedAtAndStampsIngestTime(@TempDir Path dir) throws Exception {
        Path config = config(dir, "archive.raw");
        Path archive;
        try (Stream<Path> s = Files.list(Seeds.dir().resolve("archive"))) {
            archive = s.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        long lines = Files.readAllLines(archive).stream().filter(l -> !l.isBlank()).count();
        Instant before = Instant.now();
        CommandRun r = CommandRun.run("ingest", "--config", config.toString(), "--archive",
                archive.toString());
        assertEquals(0, r.code(), r.err());
        List<ConsumerRecord<String, byte[]>> records = readAll("archive.raw");
        assertEquals(lines, records.size());
        for (ConsumerRecord<String, byte[]> rec : records) {
            JsonNode a = Json.MAPPER.readTree(rec.value());
            assertTrue(rec.timestamp() >= before.toEpochMilli());
            if (!a.get("published_at").isNull()) {
                assertTrue(Instant.parse(a.get("published_at").asText()).isBefore(before), "history kept");
                assertEquals(a.get("published_at").asText(), new String(
                        rec.headers().lastHeader(Ingestor.PUBLISHED_AT_HEADER).value(), StandardCharsets.UTF_8));
            } else {
                assertNull(rec.headers().lastHeader(Ingestor.PUBLISHED_AT_HEADER));
            }
        }
        assertEquals(Exit.USAGE, CommandRun.run("ingest", "--config", config.toString(), "--archive",
                Seeds.seedArticle().toString()).code(), "an archive is JSON Lines");
    }

    @Test
    void watchOnceMovesFilesToDoneAndError(@TempDir Path dir) throws Exception {
        Path config = config(dir, "watch.raw");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "A watched title\n\nA watched body.\n");
        Files.writeString(in.resolve("bad.json"), "{\"title\": \"no body\"}");
        CommandRun r = CommandRun.run("ingest", "--config", config.toString(), "--watch",
                in.toString(), "--once");
        assertEquals(Exit.SOME_REJECTED, r.code(), "a file went to error/: " + r.err());
        assertTrue(Files.exists(in.resolve("done/good.txt")));
        assertTrue(Files.readString(in.resolve("error/bad.json.reason")).contains("missing field 'body'"));
        assertEquals(1, readAll("watch.raw").size());
    }

    @Test
    void modesAreExclusiveAndUrlsChecked(@TempDir Path dir) {
        assertEquals(Exit.USAGE, CommandRun.run("ingest", "--feed", "http://a.test/f", "--watch",
                dir.toString()).code());
        assertEquals(Exit.USAGE, CommandRun.run("ingest", "--feed", "ftp://a.test/f", "--once").code());
        assertEquals(Exit.USAGE, CommandRun.run("ingest", "--feed", "http://a.test/f", "--min-interval",
                "10m", "--max-interval", "1m").code());
        assertEquals(Exit.USAGE, CommandRun.run("ingest", "--feed", "http://a.test/f", "--min-interval",
                "soon").code());
    }
}
