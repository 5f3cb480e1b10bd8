package io.newsflow.tools.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.ner.KnownEntities;
import io.newsflow.enrich.ner.NerModel;
import io.newsflow.enrich.ner.NewsTokenizer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small hand-written sample (CoNLL format, IOB1) and tagging it back. */
class NerTrainerTest {
    static final String SAMPLE = """
            -DOCSTART- -X- O O

            Nicolas NNP I-NP I-PER
            Maduro NNP I-NP I-PER
            visited VBD I-VP O
            Moscow NNP I-NP I-LOC
            . . O O

            Vladimir NNP I-NP I-PER
            Putin NNP I-NP I-PER
            met VBD I-VP O
            Reuters NNP I-NP I-ORG
            in IN I-PP O
            Caracas NNP I-NP I-LOC
            . . O O

            -DOCSTART- -X- O O

            Russian JJ I-NP I-MISC
            officials NNS I-NP O
            told VBD I-VP O
            AFP NNP I-NP I-ORG
            about IN I-PP O
            Venezuela NNP I-NP I-LOC
            . . O O

            Maduro NNP I-NP I-PER
            and CC O O
            Putin NNP I-NP I-PER
            spoke VBD I-VP O
            in IN I-PP O
            Moscow NNP I-NP I-LOC
            . . O O
            """;

    @Test
    void learnsTheSampleAndTagsItBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.conll");
        Files.writeString(file, SAMPLE);
        List<Conll.Doc> docs = Conll.read(file);
        assertEquals(2, docs.size());
        assertEquals(11, docs.stream().mapToInt(d -> d.goldSpans().size()).sum());
        NerModel model = new NerTrainer(14, 10, 7, KnownEntities.loadDefault(), new PrintStream(
                java.io.OutputStream.nullOutputStream())).train(docs, docs, "sample");
        NerEvaluation eval = NerTrainer.evaluate(model, docs);
        assertEquals(1.0, eval.f1(), 1e-9, eval::report);
        assertTrue(eval.report().contains("overall"));
    }

    @Test
    void alignsIob1GoldToTheTokeniserAndSplitsAtSentences(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.conll");
        Files.writeString(file, "-DOCSTART- -X- O O\n\nU.S. NNP I-NP I-LOC\nEurope NNP I-NP I-LOC\n\n"
                + "Asia NNP I-NP I-LOC\nrose VBD I-VP O\n");
        Conll.Doc doc = Conll.read(file).get(0);
        assertEquals(List.of(new Conll.Span(0, 2, 2), new Conll.Span(2, 3, 2)), doc.goldSpans(),
                "IOB1: one entity until the sentence ends");
        int[] tags = doc.alignedTags(NewsTokenizer.tokenize(doc.text));
        // BILOU: "U.S. Europe" is first and last word of one entity, "Asia" a single-word one.
        assertEquals(List.of("B-LOC", "L-LOC", "U-LOC", "O"),
                java.util.Arrays.stream(tags).mapToObj(k -> NerModel.TAGS[k]).toList());
    }
}
