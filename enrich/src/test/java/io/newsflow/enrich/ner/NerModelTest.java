package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features, Viterbi on a hand-built model, span decoding and the save/load round trip. */
class NerModelTest {
    static final int BITS = 12;

    static NerModel emptyModel() {
        Features f = new Features(BITS, new PhraseTable(), new PhraseTable(), new PhraseTable());
        return new NerModel("test", f, new float[(1 << BITS) * NerModel.T], new float[(NerModel.T + 1) * NerModel.T]);
    }

    static int tag(String name) {
        return List.of(NerModel.TAGS).indexOf(name);
    }

    @Test
    void shapesAndFeatureIdsAreStableAndContextual() {
        assertEquals(Features.shape("Xx", false), Features.shape("Ab", false));
        assertEquals(Features.shape("Maduro", true), Features.shape("Xx", true));
        assertNotEquals(Features.shape("Maduro", false), Features.shape("MADURO", false));
        Features f = emptyModel().features;
        Features.Seq a = f.extract(NewsTokenizer.tokenize("President Maduro spoke"), new Features.Doc());
        Features.Seq b = f.extract(NewsTokenizer.tokenize("President Maduro spoke"), new Features.Doc());
        Features.Seq c = f.extract(NewsTokenizer.tokenize("Mr Maduro spoke"), new Features.Doc());
        assertArrayEquals(a.ids, b.ids);
        assertNotEquals(List.of(a.ids), List.of(c.ids));
        for (int id : a.ids) {
            assertEquals(true, id >= 0 && id < (1 << BITS));
        }
    }

    @Test
    void gazetteerMembershipMarksBeginAndInside() {
        PhraseTable table = new PhraseTable();
        table.add("Nicolás Maduro", 0, true);
        TokenizedText t = NewsTokenizer.tokenize("President Nicolás Maduro spoke");
        int[] bits = new int[t.size()];
        table.mark(t.words, 0, t.size(), bits, 0);
        assertArrayEquals(new int[] {0, 1, 2, 0}, bits);
    }

    @Test
    void viterbiFollowsEmissionsTransitionsAndTheBilouConstraints() {
        NerModel m = emptyModel();
        Features f = m.features;
        // The word feature (template 1) of "Maduro" votes B-PER, of "Putin" L-PER; "and" votes O.
        setWord(m, f, "Maduro", tag("B-PER"), 2f);
        setWord(m, f, "Putin", tag("L-PER"), 1f);
        setWord(m, f, "and", tag("O"), 1f);
        int[] tags = m.tag(List.of(NewsTokenizer.tokenize("Maduro Putin and Putin")))[0];
        // The second "Putin" cannot be L-PER after O: the best allowed tag is O (every other scores 0 too).
        assertArrayEquals(new int[] {tag("B-PER"), tag("L-PER"), tag("O"), tag("O")}, tags);
        // An entity cannot be left open at the sentence's end: a lone "Maduro" cannot be B-PER.
        assertArrayEquals(new int[] {tag("O")}, m.tag(List.of(NewsTokenizer.tokenize("Maduro")))[0]);
        // A transition weight can overturn an emission: after L-PER, U-LOC (0 + 5) beats O (1 - 5).
        m.transitions[tag("L-PER") * NerModel.T + tag("O")] = -5f;
        m.transitions[tag("L-PER") * NerModel.T + tag("U-LOC")] = 5f;
        tags = m.tag(List.of(NewsTokenizer.tokenize("Maduro Putin and")))[0];
        assertEquals(tag("U-LOC"), tags[2]);
    }

    private static void setWord(NerModel m, Features f, String word, int tag, float w) {
        m.weights[f.bucket(1, word.hashCode() * 31L + word.length()) * NerModel.T + tag] = w;
    }

    @Test
    void spansOfBilouTags() {
        int[] tags = {0, tag("B-PER"), tag("L-PER"), tag("U-PER"), tag("I-LOC"), 0, tag("U-ORG"), tag("B-MISC")};
        List<int[]> spans = NerModel.spans(tags);
        assertEquals(5, spans.size());
        assertArrayEquals(new int[] {1, 3, 0}, spans.get(0));
        assertArrayEquals(new int[] {3, 4, 0}, spans.get(1));
        assertArrayEquals(new int[] {4, 5, 2}, spans.get(2), "a stray I- opens an entity");
        assertArrayEquals(new int[] {6, 7, 1}, spans.get(3));
        assertArrayEquals(new int[] {7, 8, 3}, spans.get(4), "an unclosed B- ends with the text");
        // L- after a closed entity (U-) continues nothing: it starts another one.
        assertEquals(2, NerModel.spans(new int[] {tag("U-PER"), tag("L-PER")}).size());
    }

    @Test
    void saveAndLoadRoundTrip() throws Exception {
        NerModel m = emptyModel();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < m.weights.length; i += 7) {
            m.weights[i] = (float) r.nextGaussian();
        }
        m.transitions[3] = 0.5f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        NerModel back = NerModel.load(new ByteArrayInputStream(out.toByteArray()), new PhraseTable());
        assertEquals("test", back.name());
        assertEquals(m.features.bits, back.features.bits);
        assertArrayEquals(m.transitions, back.transitions);
        float scale = 0;
        for (float v : m.weights) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < m.weights.length; i++) {
            assertEquals(m.weights[i], back.weights[i], scale / 32767f, "weight " + i);
        }
        String text = "Gen. Vladimir Padrino López met AFP in Caracas.";
        assertArrayEquals(m.tag(List.of(NewsTokenizer.tokenize(text)))[0],
                back.tag(List.of(NewsTokenizer.tokenize(text)))[0]);
    }

    @Test
    void featureOptionsAreRecordedInTheModelFileAndRestored() throws Exception {
        Features.Options options = new Features.Options(6, false, true);
        assertEquals(options, Features.Options.decode(options.encode()));
        PhraseTable gazetteer = new PhraseTable();
        gazetteer.add("Caracas", 2, true);
        Features f = new Features(BITS, gazetteer, new PhraseTable(), new PhraseTable(), BrownClusters.empty(),
                options);
        NerModel m = new NerModel("opts", f, new float[(1 << BITS) * NerModel.T],
                new float[(NerModel.T + 1) * NerModel.T]);
        m.weights[5] = 1f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        NerModel back = NerModel.load(new ByteArrayInputStream(out.toByteArray()), gazetteer);
        assertEquals(options, back.featureOptions());
        TokenizedText t = NewsTokenizer.tokenize("Llegaron a Caracas DISPOSICION disposición");
        assertArrayEquals(f.extract(t, new Features.Doc()).ids, back.features.extract(t, new Features.Doc()).ids);
        // The default options write the old format, which loads with the default options.
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        emptyModel().save(plain);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.util.zip.GZIPInputStream(
                new ByteArrayInputStream(plain.toByteArray())));
        assertEquals(NerModel.MAGIC, in.readUTF());
        assertEquals(NerModel.FORMAT, in.readInt());
        assertEquals(Features.Options.DEFAULT, NerModel.load(new ByteArrayInputStream(plain.toByteArray()),
                new PhraseTable()).featureOptions());
    }

    @Test
    void optionsAddAffixesAndFoldedWordsAndDropTheGazetteer() {
        PhraseTable gazetteer = new PhraseTable();
        gazetteer.add("Caracas", 2, true);
        Features plain = new Features(BITS, gazetteer, new PhraseTable(), new PhraseTable());
        Features more = new Features(BITS, gazetteer, new PhraseTable(), new PhraseTable(), BrownClusters.empty(),
                new Features.Options(6, false, true));
        TokenizedText t = NewsTokenizer.tokenize("Caracas");
        Features.Seq a = plain.extract(t, new Features.Doc());
        Features.Seq b = more.extract(t, new Features.Doc());
        Features noGazetteer = new Features(BITS, gazetteer, new PhraseTable(), new PhraseTable(),
                BrownClusters.empty(), new Features.Options(4, false, false));
        int c = noGazetteer.extract(t, new Features.Doc()).offsets[1];
        // The gazetteer features are gone; two more prefixes and suffixes (5, 6) and the folded word come.
        assertTrue(a.offsets[1] > c);
        assertEquals(c + 4 + 1, b.offsets[1]);
        assertEquals(Features.foldedHash("disposicion"), Features.foldedHash("disposición"));
        assertNotEquals(Features.foldedHash("disposicion"), Features.foldedHash("disposiciones"));
        assertThrows(IllegalArgumentException.class, () -> new Features.Options(3, true, false));
        assertThrows(IllegalArgumentException.class, () -> Features.Options.decode("affixes=5 colour=blue"));
    }
}
