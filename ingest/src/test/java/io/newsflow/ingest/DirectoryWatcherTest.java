package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watched directory: done/, error/ with a reason, files being written left alone, failed sends retried. */
class DirectoryWatcherTest {
    static final class Recorder implements ArticlePublisher {
        final List<Article> published = new ArrayList<>();
        boolean fail;

        @Override
        public Set<String> publish(List<Article> articles, List<String> failures) {
            Set<String> acked = new HashSet<>();
            for (Article a : articles) {
                if (fail) {
                    failures.add(a.id() + ": broker gone");
                } else {
                    published.add(a);
                    acked.add(a.id());
                }
            }
            return acked;
        }
    }

    @Test
    void anArticleTheBrokerRefusesForGoodSendsTheFileToErrorNotToEndlessRetries(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"ok\",\"title\":\"A\",\"body\":\"a\"}\n"
                + "{\"id\":\"too-big\",\"title\":\"B\",\"body\":\"b\"}\n");
        ArticlePublisher refusing = new ArticlePublisher() {
            @Override
            public Set<String> publish(List<Article> articles, List<String> failures) {
                throw new AssertionError("the watcher asks for refusals apart");
            }

            @Override
            public Set<String> publish(List<Article> articles, List<String> failures, List<String> refused) {
                Set<String> acked = new HashSet<>();
                for (Article a : articles) {
                    if (a.id().equals("too-big")) {
                        refused.add(a.id() + ": The message is 3000000 bytes when serialized which is larger");
                    } else {
                        acked.add(a.id());
                    }
                }
                return acked;
            }
        };
        DirectoryWatcher.ScanResult r = new DirectoryWatcher(dir, refusing, IngestProgress.silent(),
                Clock.systemUTC()).scanOnce();
        assertEquals(List.of("a.jsonl"), r.error());
        assertEquals(List.of(), r.retry());
        String reason = Files.readString(dir.resolve("error/a.jsonl.reason"));
        assertTrue(reason.contains("refused by the broker: too-big: The message is 3000000 bytes"), reason);
        assertTrue(reason.contains("(1 other article(s) of this file were published)"), reason);
    }

    @Test
    void filesGoToDoneOrToErrorWithAReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Title A\n\nBody of A.\n");
        Files.writeString(dir.resolve("b.jsonl"), "{\"title\":\"B\",\"body\":\"Body B\","
                + "\"published_at\":\"2020-01-02T03:04:05Z\"}\n{\"title\":1}\n");
        Files.writeString(dir.resolve("c.txt.part"), "being written");
        Files.writeString(dir.resolve(".hidden.txt"), "Hidden\n\nbody");
        Files.write(dir.resolve("d.txt"), new byte[]{(byte) 0xff, (byte) 0xfe});
        Recorder recorder = new Recorder();
        IngestProgress progress = IngestProgress.silent();
        DirectoryWatcher w = new DirectoryWatcher(dir, recorder, progress, Clock.systemUTC());

        DirectoryWatcher.ScanResult r = w.scanOnce();
        assertEquals(List.of("a.txt"), r.done());
        assertEquals(List.of("b.jsonl", "d.txt"), r.error());
        assertEquals(2, recorder.published.size());
        assertTrue(Files.exists(dir.resolve("done/a.txt")));
        assertTrue(Files.exists(dir.resolve("error/b.jsonl")));
        String reason = Files.readString(dir.resolve("error/b.jsonl.reason"));
        assertTrue(reason.startsWith("line 2: field 'title' must be a string"), reason);
        assertTrue(reason.contains("1 other article(s) of this file were published"), reason);
        assertTrue(Files.readString(dir.resolve("error/d.txt.reason")).contains("not valid UTF-8"));
        assertTrue(Files.exists(dir.resolve("c.txt.part")), "partial files are left alone");
        assertTrue(Files.exists(dir.resolve(".hidden.txt")));
        assertEquals("2020-01-02T03:04:05Z", recorder.published.get(1).publishedAt().toString());
        assertEquals(2, progress.published());
        assertEquals(2, progress.errors());

        // The same name dropped again does not overwrite the first one in done/.
        Files.writeString(dir.resolve("a.txt"), "Title A\n\nBody of A.\n");
        assertEquals(List.of("a.txt"), w.scanOnce().done());
        assertTrue(Files.exists(dir.resolve("done/a.txt.1")));
    }

    @Test
    void aFileWhoseSendFailsStaysForTheNextScan(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Title A\n\nBody of A.\n");
        Recorder recorder = new Recorder();
        recorder.fail = true;
        DirectoryWatcher w = new DirectoryWatcher(dir, recorder, IngestProgress.silent(), Clock.systemUTC());
        assertEquals(List.of("a.txt"), w.scanOnce().retry());
        assertTrue(Files.exists(dir.resolve("a.txt")));
        recorder.fail = false;
        assertEquals(List.of("a.txt"), w.scanOnce().done());
        assertEquals(1, recorder.published.size());
    }

    @Test
    void progressLineCountsAndRates() {
        IngestProgress p = IngestProgress.silent();
        p.published(3);
        p.duplicates(2);
        p.errors(1);
        assertTrue(p.line().matches("ingest: [0-9.]+ items/s, published 3, duplicates 2, errors 1"), p.line());
    }
}
