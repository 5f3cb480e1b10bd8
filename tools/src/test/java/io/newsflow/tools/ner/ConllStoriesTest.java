package io.newsflow.tools.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CoNLL-2002-layout file without -DOCSTART- is read as one document per wire story (sentences made up here). */
class ConllStoriesTest {
    static String sentence(String... tokenTag) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokenTag.length; i++) {
            String[] tt = tokenTag[i].split("/");
            sb.append(i).append('\t').append(tt[0]).append('\t').append(tt.length > 1 ? tt[1] : "O").append('\n');
        }
        return sb.append('\n').toString();
    }

    @Test
    void cutsAtDatelines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stories.conllu");
        Files.writeString(file, sentence("Lima/B-LOC", ",", "3", "jun", "(", "EFE/B-ORG", ")", ".")
                + sentence("-")
                + sentence("La", "ministra", "Ana/B-PER", "Ruiz/I-PER", "habló", "hoy", ".")
                + sentence("Dijo", "que", "(", "sic", ")", "todo", "va", "bien", ".")
                + sentence("TITULAR", "EN", "MAYÚSCULAS", "Quito/B-LOC", "(", "EFE/B-ORG", ")", ".")
                + sentence("-")
                + sentence("El", "Banco/B-ORG", "Central/I-ORG", "subió", "los", "tipos", "."));
        List<Conll.Doc> docs = Conll.readConllu(file);
        assertEquals(2, docs.size());
        assertEquals(4, docs.get(0).sentenceStarts.length);
        assertEquals("Lima", docs.get(0).tokens[0]);
        assertEquals(List.of(new Conll.Span(0, 1, 2), new Conll.Span(5, 6, 1), new Conll.Span(11, 13, 0)),
                docs.get(0).goldSpans());
        assertEquals("TITULAR", docs.get(1).tokens[0]);
        assertEquals(List.of(new Conll.Span(3, 4, 2), new Conll.Span(5, 6, 1), new Conll.Span(10, 12, 1)),
                docs.get(1).goldSpans());
    }

    @Test
    void aDatelineNeedsAnAgencyAfterADateOrBeforeALoneDash() {
        assertTrue(Conll.isDateline(List.of("Roma", ",", "12", "oct", "(", "EFE", ")", "."), List.of("El")));
        assertTrue(Conll.isDateline(List.of("Lima", "(", "EFE", ")", "."), List.of("-")));
        assertFalse(Conll.isDateline(List.of("Lima", "(", "EFE", ")", "."), List.of("El")));
        assertFalse(Conll.isDateline(List.of("según", "la", "agencia", "(", "EFE", ")", "y", "otras"),
                List.of("-")));
        assertFalse(Conll.isDateline(List.of("el", "3", "de", "(", "sic", ")"), List.of("-")));
    }

    @Test
    void withoutDatelinesCutsRunsOfSentences(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 25; k++) {
            sb.append(sentence("Frase", "número", String.valueOf(k), "."));
        }
        Path file = dir.resolve("plain.conllu");
        Files.writeString(file, sb.toString());
        List<Conll.Doc> docs = Conll.readConllu(file);
        assertEquals(3, docs.size());
        assertEquals(Conll.SENTENCES_PER_DOC, docs.get(0).sentenceStarts.length);
        assertEquals(5, docs.get(2).sentenceStarts.length);
    }
}
