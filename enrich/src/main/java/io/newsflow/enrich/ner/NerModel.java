package io.newsflow.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear sequence model over BILOU tags: hashed feature weights per tag plus first-order tag transitions, decoded
 * sentence by sentence with Viterbi, in document order so that later sentences see the types the model gave the
 * same words earlier. I-X and L-X may only follow B-X or I-X, and no entity stays open at a sentence end. Weights
 * are stored quantised to 16 bits, gzipped.
 */
public final class NerModel {
    /** BILOU: an entity is B I* L, or U alone; telling first, last and single words apart helps boundaries. */
    public static final String[] TAGS = {"O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG",
        "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC"};
    public static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};
    /** The number of tags: a weight row per feature id has T columns, and transitions are [prev * T + cur]. */
    public static final int T = TAGS.length;
    static final String MAGIC = "newsflow-ner";
    /** Format 4: the default feature options; format 5 adds the options after the cluster resource. */
    static final int FORMAT = 4;
    static final int FORMAT_WITH_OPTIONS = 5;

    final String name;
    final Features features;
    final float[] weights;
    /** [prev * T + cur], with prev == T for the sentence start. */
    final float[] transitions;

    /**
     * A model from weights: {@code weights} holds {@code 2^bits * T} values, row {@code id * T} for feature id
     * {@code id}; {@code transitions} holds {@code (T + 1) * T}. For the trainer (newsflow-tools' {@code
     * NerTrainer}); the runtime loads models with {@link #load}.
     */
    public NerModel(String name, Features features, float[] weights, float[] transitions) {
        this.name = name;
        this.features = features;
        this.weights = weights;
        this.transitions = transitions;
    }

    public String name() {
        return name;
    }

    /** The feature options the model was trained with (read back from its file). */
    public Features.Options featureOptions() {
        return features.options;
    }

    /** 0 for O, else the type index (0 PER, 1 ORG, 2 LOC, 3 MISC) plus one. */
    static int typeOf(int tag) {
        return tag == 0 ? 0 : (tag - 1) / 4 + 1;
    }

    /** The tag of a type index (0..3) and position: 0 first, 1 inside, 2 last, 3 single word. */
    public static int tagOf(int type, int position) {
        return 1 + 4 * type + position;
    }

    /** True for I-X and L-X: the token continues the entity of the token before it. */
    public static boolean isInside(int tag) {
        int k = (tag - 1) & 3;
        return tag != 0 && (k == 1 || k == 2);
    }

    /** True for B-X and I-X: the entity goes on at the next token. */
    static boolean opens(int tag) {
        int k = (tag - 1) & 3;
        return tag != 0 && tag != T && (k == 0 || k == 1);
    }

    /** For each tag, the tags allowed before it: the Viterbi loop visits 97 of the 289 pairs. */
    static final int[][] PREDECESSORS = new int[T][];

    static {
        for (int y = 0; y < T; y++) {
            int cur = y;
            PREDECESSORS[y] = java.util.stream.IntStream.range(0, T).filter(x -> allowed(x, cur)).toArray();
        }
    }

    static boolean allowed(int prev, int cur) {
        if (opens(prev)) {
            return isInside(cur) && typeOf(prev) == typeOf(cur);
        }
        return !isInside(cur);
    }

    /** Tags every text of a document (title, caption, body...) in order; returns one tag array a text. */
    public int[][] tag(List<TokenizedText> texts) {
        Features.Doc doc = Features.Doc.of(texts);
        int[][] out = new int[texts.size()][];
        Decoder decoder = new Decoder();
        for (int k = 0; k < texts.size(); k++) {
            Features.Seq seq = features.extract(texts.get(k), doc);
            out[k] = new int[seq.text.size];
            decoder.decode(seq, doc, out[k], null);
        }
        return out;
    }

    /**
     * Viterbi decoding with reusable buffers. Public for training: a decoder of a model whose weight arrays the
     * trainer keeps updating decodes with the current weights.
     */
    public final class Decoder {
        float[] emissions = new float[64 * T];
        float[] score = new float[64 * T];
        int[] back = new int[64 * T];

        /** Decodes every sentence of {@code seq}; {@code dynamic}, when given, receives the memory features. */
        void decode(Features.Seq seq, Features.Doc doc, int[] tags, int[] dynamic) {
            TokenizedText t = seq.text;
            int s = 0;
            while (s < t.size) {
                int e = t.sentenceEnd(s);
                decodeSentence(seq, doc, s, e, tags, dynamic);
                remember(seq, doc, s, e, tags);
                s = e;
            }
        }

        /**
         * Decodes the sentence [s, e) of {@code seq} into {@code tags} and records its types in {@code doc} for the
         * sentences after it; {@code dynamic} receives the two memory feature ids of each token (-1: none) at
         * {@code 2 * token} and {@code 2 * token + 1}, which the trainer updates like the static ones.
         */
        public void decodeSentenceForTraining(Features.Seq seq, Features.Doc doc, int s, int e, int[] tags,
                                       int[] dynamic) {
            decodeSentence(seq, doc, s, e, tags, dynamic);
            remember(seq, doc, s, e, tags);
        }

        private void decodeSentence(Features.Seq seq, Features.Doc doc, int s, int e, int[] tags, int[] dynamic) {
            int n = e - s;
            if (emissions.length < n * T) {
                emissions = new float[n * T * 2];
                score = new float[n * T * 2];
                back = new int[n * T * 2];
            }
            float[] w = weights;
            for (int i = 0; i < n; i++) {
                int tok = s + i;
                int base = i * T;
                for (int y = 0; y < T; y++) {
                    emissions[base + y] = 0;
                }
                for (int f = seq.offsets[tok]; f < seq.offsets[tok + 1]; f++) {
                    int row = seq.ids[f] * T;
                    for (int y = 0; y < T; y++) {
                        emissions[base + y] += w[row + y];
                    }
                }
                int d1 = -1;
                int d2 = -1;
                String word = seq.text.words[tok];
                if (Character.isUpperCase(word.charAt(0))) {
                    int[] history = doc.labelOfWord.get(word);
                    if (history != null) {
                        d1 = features.memoryWord(Features.Doc.summary(history));
                    }
                    if (seq.headline[tok] || seq.text.sentenceStarts[tok]) {
                        Integer lt = doc.labelOfLower.get(seq.lower[tok]);
                        if (lt != null) {
                            d2 = features.memoryLower(lt, seq.headline[tok] ? 2 : 1);
                        }
                    }
                }
                if (d1 >= 0) {
                    for (int y = 0; y < T; y++) {
                        emissions[base + y] += w[d1 * T + y];
                    }
                }
                if (d2 >= 0) {
                    for (int y = 0; y < T; y++) {
                        emissions[base + y] += w[d2 * T + y];
                    }
                }
                if (dynamic != null) {
                    dynamic[2 * tok] = d1;
                    dynamic[2 * tok + 1] = d2;
                }
            }
            float[] tr = transitions;
            for (int y = 0; y < T; y++) {
                score[y] = allowed(T, y) ? emissions[y] + tr[T * T + y] : Float.NEGATIVE_INFINITY;
            }
            for (int i = 1; i < n; i++) {
                int base = i * T;
                int prevBase = base - T;
                for (int y = 0; y < T; y++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int arg = 0;
                    for (int x : PREDECESSORS[y]) {
                        float v = score[prevBase + x] + tr[x * T + y];
                        if (v > best) {
                            best = v;
                            arg = x;
                        }
                    }
                    score[base + y] = best + emissions[base + y];
                    back[base + y] = arg;
                }
            }
            int last = (n - 1) * T;
            int arg = 0;
            for (int y = 1; y < T; y++) {
                // An entity cannot stay open past the sentence's end.
                if (!opens(y) && score[last + y] > score[last + arg]) {
                    arg = y;
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                tags[s + i] = arg;
                arg = back[i * T + arg];
            }
        }

        private void remember(Features.Seq seq, Features.Doc doc, int s, int e, int[] tags) {
            for (int i = s; i < e; i++) {
                String word = seq.text.words[i];
                if (!Character.isUpperCase(word.charAt(0))) {
                    continue;
                }
                int type = typeOf(tags[i]);
                doc.labelOfWord.computeIfAbsent(word, k -> new int[5])[type]++;
                if (!seq.headline[i] && !seq.text.sentenceStarts[i]) {
                    doc.labelOfLower.put(seq.lower[i], type);
                }
            }
        }
    }

    /**
     * Entity spans of a BILOU tag sequence as {start, end, type}; a stray I-X or L-X opens an entity and an
     * unclosed B-X or I-X ends where the next tag does not continue it.
     */
    public static List<int[]> spans(int[] tags) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= tags.length; i++) {
            int tag = i < tags.length ? tags[i] : 0;
            boolean continues = start >= 0 && isInside(tag) && typeOf(tag) == typeOf(tags[start])
                    && opens(tags[i - 1]);
            if (start >= 0 && !continues) {
                out.add(new int[] {start, i, typeOf(tags[start]) - 1});
                start = -1;
            }
            if (tag != 0 && !continues) {
                start = i;
            }
        }
        return out;
    }

    // ---- persistence -------------------------------------------------------------------------------------------

    public void save(OutputStream raw) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw, 1 << 16))) {
            // A model with the default options is written as before, so those files stay byte for byte the same.
            boolean options = !features.options.equals(Features.Options.DEFAULT);
            out.writeUTF(MAGIC);
            out.writeInt(options ? FORMAT_WITH_OPTIONS : FORMAT);
            out.writeUTF(name);
            out.writeInt(features.bits);
            // Names and words from the training data are stored as hashes only (research-only data: no text).
            features.trainNames.write(out);
            features.caseProfile.write(out);
            // Clusters are public data shipped beside the model: the model names the resource, not the words.
            out.writeUTF(features.clusters.resource);
            if (options) {
                out.writeUTF(features.options.encode());
            }
            for (float v : transitions) {
                out.writeFloat(v);
            }
            float max = 0;
            int nonZero = 0;
            for (float v : weights) {
                max = Math.max(max, Math.abs(v));
            }
            float scale = max == 0 ? 1 : max / 32767f;
            for (float v : weights) {
                if (Math.round(v / scale) != 0) {
                    nonZero++;
                }
            }
            out.writeFloat(scale);
            out.writeInt(nonZero);
            int last = -1;
            for (int i = 0; i < weights.length; i++) {
                int q = Math.round(weights[i] / scale);
                if (q != 0) {
                    writeVarInt(out, i - last);
                    out.writeShort(q);
                    last = i;
                }
            }
        }
    }

    public static NerModel load(InputStream raw, KnownEntities known) throws IOException {
        return load(raw, known.table);
    }

    static NerModel load(InputStream raw, PhraseTable gazetteer) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int format = MAGIC.equals(in.readUTF()) ? in.readInt() : -1;
            if (format != FORMAT && format != FORMAT_WITH_OPTIONS) {
                throw new IOException("not a newsflow NER model (format " + FORMAT + " or " + FORMAT_WITH_OPTIONS
                        + ")");
            }
            String name = in.readUTF();
            int bits = in.readInt();
            PhraseTable trainTable = PhraseTable.read(in);
            PhraseTable caseProfile = PhraseTable.read(in);
            BrownClusters clusters = BrownClusters.resource(in.readUTF());
            Features.Options options;
            try {
                options = format == FORMAT ? Features.Options.DEFAULT : Features.Options.decode(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("NER model " + name + ": " + e.getMessage(), e);
            }
            float[] transitions = new float[(T + 1) * T];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = in.readFloat();
            }
            float scale = in.readFloat();
            int nonZero = in.readInt();
            float[] weights = new float[(1 << bits) * T];
            int pos = -1;
            for (int k = 0; k < nonZero; k++) {
                pos += readVarInt(in);
                weights[pos] = in.readShort() * scale;
            }
            return new NerModel(name, new Features(bits, gazetteer, trainTable, caseProfile, clusters, options),
                    weights, transitions);
        }
    }

    private static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return v;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
