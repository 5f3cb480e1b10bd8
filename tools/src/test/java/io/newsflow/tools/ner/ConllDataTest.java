package io.newsflow.tools.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.enrich.ner.NerEntityExtractor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped models on CoNLL data through the real extractor: English on CoNLL-2003 eng.testa, Spanish on the
 * CoNLL-2002 validation split. Needs ../shared/eval (research-only data, never committed): skipped when it is
 * absent. Sanity floors, not the benchmark (docs/benchmarks.md has that).
 */
class ConllDataTest {
    /** The file at {@code path} under ../shared/eval; the test is skipped when it is not there. */
    static Path eval(String path, String corpus) {
        Path file = Conll.locateEval(path);
        assumeTrue(file != null, "skipped: ../shared/eval/" + path + " not found (" + corpus + " is not shipped with "
                + "the project)");
        return file;
    }

    @Test
    void readsTestaAndTheBundledModelScoresAboveNinety() throws Exception {
        List<Conll.Doc> docs = Conll.read(eval("conll2003/eng.testa", "CoNLL-2003"));
        assertEquals(216, docs.size());
        assertEquals(51362, docs.stream().mapToInt(Conll.Doc::size).sum());
        assertEquals(5942, docs.stream().mapToInt(d -> d.goldSpans().size()).sum());
        NerEval.Result r = NerEval.run(NerEntityExtractor.loadDefault(), docs, null);
        assertTrue(r.scores().f1() > 0.90, r.scores()::report);
    }

    /** CoNLL-2002 Spanish validation split through the extractor: a floor, the figures are in benchmarks.md. */
    @Test
    void scoresConll2002SpanishValidation() throws Exception {
        List<Conll.Doc> docs = Conll.readConllu(eval("ner/conll2002/es/val.conllu", "CoNLL-2002"));
        assertEquals(52923, docs.stream().mapToInt(Conll.Doc::size).sum());
        assertEquals(4352, docs.stream().mapToInt(d -> d.goldSpans().size()).sum());
        assertTrue(docs.size() > 150 && docs.size() < 300, "one document a story, not " + docs.size());
        NerEval.Result r = NerEval.run(NerEntityExtractor.forLanguage("es").orElseThrow(), docs, null);
        assertTrue(r.scores().f1() > 0.75, r.scores()::report);
    }
}
