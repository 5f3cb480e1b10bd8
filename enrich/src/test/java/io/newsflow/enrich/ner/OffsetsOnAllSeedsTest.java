package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.events.Mention;
import io.newsflow.events.Seeds;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every mention of every seed article points at text of its own name: trimming and splitting never shift it. */
class OffsetsOnAllSeedsTest {
    @Test
    void everyMentionMapsBackToItsText() throws Exception {
        Path dir = Seeds.seedArticle().getParent();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(files.size() >= 10, () -> "seeds: " + files);
        int mentions = 0;
        for (Path file : files) {
            Article a = ((SourceItem.Parsed) ArticleFiles.fromText(file.getFileName().toString(),
                    Files.readString(file), Instant.EPOCH)).article();
            for (Entity e : NerEntityExtractor.loadDefault().extract(a)) {
                for (Mention m : e.mentions()) {
                    String text = a.field(m.field()).substring(m.start(), m.end());
                    mentions++;
                    assertEquals(text.strip(), text, file + " " + e.name());
                    assertFalse(text.isEmpty());
                    assertTrue(Character.isLetterOrDigit(text.charAt(0))
                                    && "\"\u201c\u201d\u2018\u2019\u2022*-,;:".indexOf(text.charAt(text.length() - 1)) < 0,
                            () -> file + ": " + e.name() + " -> '" + text + "'");
                    String last = e.name().split(" ")[e.name().split(" ").length - 1];
                    String surface = text;
                    assertTrue(KnownEntities.fold(surface).contains(KnownEntities.fold(last))
                                    || e.wikidata() != null || KnownEntities.fold(e.name()).contains(
                                            KnownEntities.fold(surface)) || Features.allCaps(surface)
                                    || CanonicalizerTest.KNOWN.lookup(surface) != null,
                            () -> file + ": " + e.name() + " -> '" + surface + "'");
                }
            }
        }
        assertTrue(mentions > 100, "mentions: " + mentions);
    }
}
