package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled model on CoNLL-2003 eng.testa through the real extractor. Needs ../shared/eval (research-only data,
 * never committed): skipped when it is absent. A sanity floor, not the benchmark (docs/benchmarks.md has that).
 */
class ConllDataTest {
    @Test
    void readsTestaAndTheBundledModelScoresAboveNinety() throws Exception {
        Path testa = Conll.locate("eng.testa");
        assumeTrue(testa != null, "skipped: ../shared/eval/conll2003/eng.testa not found (CoNLL-2003 is not "
                + "shipped with the project)");
        List<Conll.Doc> docs = Conll.read(testa);
        assertEquals(216, docs.size());
        assertEquals(51362, docs.stream().mapToInt(Conll.Doc::size).sum());
        assertEquals(5942, docs.stream().mapToInt(d -> d.goldSpans().size()).sum());
        NerEval.Result r = NerEval.run(NerEntityExtractor.loadDefault(), docs, null);
        assertTrue(r.scores().f1() > 0.90, r.scores()::report);
    }
}
