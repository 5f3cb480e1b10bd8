package io.newsflow.enrich.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns tokens into hashed feature ids: the word, its lower case, shape and affixes, the words and shapes around it
 * within the sentence, sentence-initial and all-caps (headline) context, gazetteer and training-name-list
 * membership, how the same word is cased elsewhere in the document and in the training corpus, Brown-cluster path
 * prefixes of the word and its neighbours, and the neighbours of the word's other mentions in the document.
 * Features are hashed into {@code 2^bits} buckets without building strings, which keeps tagging allocation-light.
 */
public final class Features {
    static final long PAD_LEFT = 0x51A7E5L;
    static final long PAD_RIGHT = 0xE7D5A1L;

    final int bits;
    final PhraseTable gazetteer;
    final PhraseTable trainNames;
    /** Per word (hashed): bit 0-3 = how often the training corpus capitalises it, in four buckets. */
    final PhraseTable caseProfile;
    final BrownClusters clusters;
    final Options options;

    /**
     * Feature switches a model is trained with and that its file records, so loading it restores them:
     * {@code affixes}, the longest prefix and suffix (4 by default; 5 and 6 add templates of their own);
     * {@code gazetteer}, whether membership in the project's (English) gazetteers is a feature; {@code folded},
     * whether the word without accents and case is a feature too ("DISPOSICION" and "disposición" alike).
     * {@link #DEFAULT} is exactly the feature set of the models trained before options existed.
     */
    public record Options(int affixes, boolean gazetteer, boolean folded) {
        public static final Options DEFAULT = new Options(4, true, false);

        public Options {
            if (affixes < 4 || affixes > 8) {
                throw new IllegalArgumentException("affixes must be 4 to 8, not " + affixes);
            }
        }

        /** As stored in a model file and printed: {@code affixes=5 gazetteer=false folded=true}. */
        public String encode() {
            return "affixes=" + affixes + " gazetteer=" + gazetteer + " folded=" + folded;
        }

        public static Options decode(String s) {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (String kv : s.trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("bad feature option '" + kv + "' in '" + s + "'");
                }
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            if (!m.keySet().equals(java.util.Set.of("affixes", "gazetteer", "folded"))) {
                throw new IllegalArgumentException("unknown or missing feature options in '" + s + "'");
            }
            return new Options(Integer.parseInt(m.get("affixes")), Boolean.parseBoolean(m.get("gazetteer")),
                    Boolean.parseBoolean(m.get("folded")));
        }
    }

    Features(int bits, PhraseTable gazetteer, PhraseTable trainNames, PhraseTable caseProfile) {
        this(bits, gazetteer, trainNames, caseProfile, BrownClusters.empty());
    }

    Features(int bits, PhraseTable gazetteer, PhraseTable trainNames, PhraseTable caseProfile,
             BrownClusters clusters) {
        this(bits, gazetteer, trainNames, caseProfile, clusters, Options.DEFAULT);
    }

    /**
     * With {@code options} other than the default; the gazetteer is ignored when the options turn it off. Public for
     * the trainer (newsflow-tools' {@code NerTrainer}), which builds the name tables from its training data; the
     * runtime gets its features from {@link NerModel#load}.
     */
    public Features(int bits, PhraseTable gazetteer, PhraseTable trainNames, PhraseTable caseProfile,
             BrownClusters clusters, Options options) {
        this.bits = bits;
        this.options = options;
        this.gazetteer = options.gazetteer() ? gazetteer : new PhraseTable();
        this.trainNames = trainNames;
        this.caseProfile = caseProfile;
        this.clusters = clusters;
        clusterBuckets = clusterBuckets();
    }

    /** Window positions of the cluster features: the word and two neighbours each side. */
    static final int CLUSTER_WINDOW = 5;

    /**
     * Bucket ids of every cluster feature, [(position * (clusters + 2) + slot) * prefixes + k], where slot 0 is the
     * sentence edge, slot 1 a word without cluster and slot c + 2 cluster c: computed once, so tagging pays one
     * array read a feature instead of a hash.
     */
    final int[] clusterBuckets;

    private int[] clusterBuckets() {
        int np = BrownClusters.PREFIXES.length;
        int nc = clusters.prefixHashes.length / np;
        int[] out = new int[CLUSTER_WINDOW * (nc + 2) * np];
        for (int d = 0; d < CLUSTER_WINDOW; d++) {
            int template = 50 + d * np;
            for (int slot = 0; slot < nc + 2; slot++) {
                for (int k = 0; k < np; k++) {
                    long value = slot == 0 ? (d < 2 ? PAD_LEFT : PAD_RIGHT) : slot == 1 ? 0
                            : clusters.prefixHashes[(slot - 2) * np + k];
                    out[(d * (nc + 2) + slot) * np + k] = bucket(template + k, value);
                }
            }
        }
        return out;
    }

    /** Latin-1 Supplement and Latin Extended-A/B letters without their diacritics. */
    private static final char[] FOLD = new char[0x250 - 0xC0];

    static {
        for (char c = 0xC0; c < 0x250; c++) {
            FOLD[c - 0xC0] = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                    .charAt(0);
        }
    }

    /** A lower-case word's hash without its accents ("é" as "e", "ñ" as "n"): no allocation for plain ASCII. */
    static long foldedHash(String lw) {
        long h = 1125899906842597L;
        for (int i = 0; i < lw.length(); i++) {
            char c = lw.charAt(i);
            if (c >= 0xC0 && c < 0x250) {
                c = FOLD[c - 0xC0];
            }
            h = 31 * h + c;
        }
        return h;
    }

    /** Lower case without allocating when the word has no upper-case letter. */
    static String lower(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                return w.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return w;
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    int bucket(int template, long value) {
        return (int) (mix(value * 0x9E3779B97F4A7C15L + template) >>> (64 - bits));
    }

    static long hashRange(String s, int from, int to) {
        long h = 1125899906842597L;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    static char charClass(char c) {
        if (Character.isUpperCase(c)) {
            return 'X';
        } else if (Character.isLowerCase(c)) {
            return 'x';
        } else if (Character.isDigit(c)) {
            return 'd';
        } else if (Character.isLetter(c)) {
            return 'x';
        }
        return c;
    }

    static long shape(String w, boolean collapse) {
        long h = 7;
        char prev = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = charClass(w.charAt(i));
            if (!collapse || c != prev) {
                h = 31 * h + c;
            }
            prev = c;
        }
        return h;
    }

    static boolean capitalised(String w) {
        return Character.isUpperCase(w.charAt(0));
    }

    static boolean allCaps(String w) {
        boolean letters = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters = true;
            }
        }
        return letters;
    }

    static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Document-wide facts the tagger learns from: how each word is cased where case tells something. */
    public static final class Doc {
        final Map<String, Integer> casing = new HashMap<>();
        /** How often the tagger gave each capitalised word each type (1..4, 0 for outside) earlier on. */
        final Map<String, int[]> labelOfWord = new HashMap<>();
        final Map<String, Integer> labelOfLower = new HashMap<>();

        /**
         * The type most often given (ties to the lower index), and whether the earlier mentions disagreed: one
         * slip early in a document should not outvote the mentions after it.
         */
        static int summary(int[] history) {
            int best = 0;
            int kinds = 0;
            for (int k = 0; k < history.length; k++) {
                if (history[k] > history[best]) {
                    best = k;
                }
                if (history[k] > 0) {
                    kinds++;
                }
            }
            return best * 2 + (kinds > 1 ? 1 : 0);
        }

        /** The neighbours of every occurrence of each capitalised word (by lower case) anywhere in the document. */
        final Map<String, Contexts> contexts = new HashMap<>();

        /** The facts of a document made of {@code texts} (title, caption, body...), before any is tagged. */
        public static Doc of(List<TokenizedText> texts) {
            Doc d = new Doc();
            for (TokenizedText t : texts) {
                boolean[] caps = allCapsSentences(t);
                int sentStart = 0;
                int sentEnd = t.size > 0 ? t.sentenceEnd(0) : 0;
                for (int i = 0; i < t.size; i++) {
                    if (i == sentEnd) {
                        sentStart = i;
                        sentEnd = t.sentenceEnd(i);
                    }
                    String w = t.words[i];
                    if (Character.isUpperCase(w.charAt(0))) {
                        Contexts c = d.contexts.computeIfAbsent(lower(w), k -> new Contexts());
                        c.add(0, i > sentStart ? contextHash(t.words[i - 1]) : PAD_LEFT);
                        c.add(1, i + 1 < sentEnd ? contextHash(t.words[i + 1]) : PAD_RIGHT);
                    }
                    if (t.sentenceStarts[i] || caps[i] || !Character.isLetter(w.charAt(0))) {
                        continue;
                    }
                    d.casing.merge(lower(w), capitalised(w) ? 1 : 2, (a, b) -> a | b);
                }
            }
            return d;
        }
    }

    /**
     * The distinct left and right neighbours of a word's occurrences, at most {@link #MAX} each: a name seen once
     * after "Mr" or before "2" (a score) says so for all its mentions, headlines included.
     */
    static final class Contexts {
        static final int MAX = 3;
        final long[][] seen = new long[2][MAX];
        final int[] count = new int[2];

        void add(int side, long h) {
            for (int k = 0; k < count[side]; k++) {
                if (seen[side][k] == h) {
                    return;
                }
            }
            if (count[side] < MAX) {
                seen[side][count[side]++] = h;
            }
        }
    }

    /** A neighbour as context: numbers by their shape ("2" and "3" alike), words by their lower case. */
    static long contextHash(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return shape(w, true) * 31 + 1;
            }
        }
        String l = lower(w);
        return l.hashCode() * 0x9E3779B97F4A7C15L + l.length();
    }

    /**
     * How often each word is capitalised away from sentence starts and headlines, in four buckets: the corpus case
     * profile a model stores (bits 0-3 of a word's entry), computed by the trainer from its training texts.
     */
    public static PhraseTable caseProfile(List<TokenizedText> texts) {
        Map<String, int[]> counts = new HashMap<>();
        for (TokenizedText t : texts) {
            boolean[] headline = Features.allCapsSentences(t);
            for (int i = 0; i < t.size; i++) {
                String w = t.words[i];
                if (t.sentenceStarts[i] || headline[i] || !Character.isLetter(w.charAt(0))) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(Features.lower(w), k -> new int[2]);
                c[Features.capitalised(w) ? 0 : 1]++;
            }
        }
        PhraseTable out = new PhraseTable();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int cap = e.getValue()[0];
            int low = e.getValue()[1];
            if (cap + low < 2) {
                continue;
            }
            int bucket = cap == 0 ? 0 : low == 0 ? 3 : cap < low ? 1 : 2;
            out.putWord(e.getKey(), 1 << bucket);
        }
        return out;
    }

    /** A token is in a headline-like sentence when most of that sentence's words are in capitals. */
    static boolean[] allCapsSentences(TokenizedText t) {
        boolean[] out = new boolean[t.size];
        int i = 0;
        while (i < t.size) {
            int end = t.sentenceEnd(i);
            int words = 0;
            int caps = 0;
            for (int k = i; k < end; k++) {
                String w = t.words[k];
                if (hasLetter(w) && w.length() > 1) {
                    words++;
                    if (allCaps(w)) {
                        caps++;
                    }
                }
            }
            boolean headline = words >= 2 && caps * 10 >= words * 8;
            for (int k = i; k < end; k++) {
                out[k] = headline;
            }
            i = end;
        }
        return out;
    }

    /** The static features of one text, one run of bucket ids a token. */
    public static final class Seq {
        final TokenizedText text;
        final String[] lower;
        final boolean[] headline;
        int[] ids;
        final int[] offsets;

        Seq(TokenizedText text, String[] lower, boolean[] headline, int[] ids, int[] offsets) {
            this.text = text;
            this.lower = lower;
            this.headline = headline;
            this.ids = ids;
            this.offsets = offsets;
        }

        /** Where token {@code i}'s feature ids start ({@link #id}); they end where token {@code i + 1}'s start. */
        public int offset(int i) {
            return offsets[i];
        }

        /** Feature id {@code k} of the text: the weight row {@code id * NerModel.T}. */
        public int id(int k) {
            return ids[k];
        }
    }

    /** The static features of text {@code t} of document {@code doc}. */
    public Seq extract(TokenizedText t, Doc doc) {
        int n = t.size;
        String[] lower = new String[n];
        long[] lowerH = new long[n];
        long[] shapeH = new long[n];
        long[] shortH = new long[n];
        for (int i = 0; i < n; i++) {
            lower[i] = lower(t.words[i]);
            lowerH[i] = lower[i].hashCode() * 0x9E3779B97F4A7C15L + lower[i].length();
            shapeH[i] = shape(t.words[i], false);
            shortH[i] = shape(t.words[i], true);
        }
        boolean[] headline = allCapsSentences(t);
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = clusters.lookup(t.words[i], lower[i], headline[i]);
        }
        int[] gaz = new int[n];
        int i0 = 0;
        while (i0 < n) {
            int end = t.sentenceEnd(i0);
            gazetteer.mark(t.words, i0, end, gaz, 0);
            gazetteer.mark(lower, i0, end, gaz, 8);
            trainNames.mark(t.words, i0, end, gaz, 16);
            trainNames.mark(lower, i0, end, gaz, 24);
            i0 = end;
        }
        int[] ids = new int[n * 48];
        int[] offsets = new int[n + 1];
        int p = 0;
        int sentStart = 0;
        int sentEnd = n > 0 ? t.sentenceEnd(0) : 0;
        for (int i = 0; i < n; i++) {
            if (i == sentEnd) {
                sentStart = i;
                sentEnd = t.sentenceEnd(i);
            }
            if (p + 128 > ids.length) {
                ids = java.util.Arrays.copyOf(ids, ids.length * 2);
            }
            String w = t.words[i];
            String lw = lower[i];
            long lm1 = i - 1 >= sentStart ? lowerH[i - 1] : PAD_LEFT;
            long lm2 = i - 2 >= sentStart ? lowerH[i - 2] : PAD_LEFT;
            long lp1 = i + 1 < sentEnd ? lowerH[i + 1] : PAD_RIGHT;
            long lp2 = i + 2 < sentEnd ? lowerH[i + 2] : PAD_RIGHT;
            long sm1 = i - 1 >= sentStart ? shortH[i - 1] : PAD_LEFT;
            long sm2 = i - 2 >= sentStart ? shortH[i - 2] : PAD_LEFT;
            long sp1 = i + 1 < sentEnd ? shortH[i + 1] : PAD_RIGHT;
            long sp2 = i + 2 < sentEnd ? shortH[i + 2] : PAD_RIGHT;
            int context = t.sentenceStarts[i] ? 1 : headline[i] ? 2 : 0;
            ids[p++] = bucket(0, 0);
            ids[p++] = bucket(1, w.hashCode() * 31L + w.length());
            ids[p++] = bucket(2, lowerH[i]);
            ids[p++] = bucket(3, shapeH[i]);
            ids[p++] = bucket(4, shortH[i]);
            int len = lw.length();
            for (int k = 1; k <= 4 && k <= len; k++) {
                ids[p++] = bucket(4 + k, hashRange(lw, 0, k));
                ids[p++] = bucket(8 + k, hashRange(lw, len - k, len));
            }
            for (int k = 5; k <= options.affixes() && k <= len; k++) {
                ids[p++] = bucket(80 + k, hashRange(lw, 0, k));
                ids[p++] = bucket(90 + k, hashRange(lw, len - k, len));
            }
            if (options.folded()) {
                ids[p++] = bucket(42, foldedHash(lw));
            }
            ids[p++] = bucket(13, lm1);
            ids[p++] = bucket(14, lp1);
            ids[p++] = bucket(15, lm2);
            ids[p++] = bucket(16, lp2);
            ids[p++] = bucket(17, sm1);
            ids[p++] = bucket(18, sp1);
            ids[p++] = bucket(19, sm2);
            ids[p++] = bucket(20, sp2);
            ids[p++] = bucket(21, lm1 * 31 + lowerH[i]);
            ids[p++] = bucket(22, lowerH[i] * 31 + lp1);
            ids[p++] = bucket(23, (sm1 * 31 + shortH[i]) * 31 + sp1);
            ids[p++] = bucket(24, shapeH[i] * 4 + context);
            ids[p++] = bucket(25, lowerH[i] * 4 + context);
            ids[p++] = bucket(26, lm1 * 31 + shortH[i]);
            ids[p++] = bucket(27, shortH[i] * 31 + lp1);
            ids[p++] = bucket(28, (lm1 * 31 + shortH[i]) * 31 + sp1);
            int g = gaz[i];
            while (g != 0) {
                int bit = Integer.numberOfTrailingZeros(g);
                g &= g - 1;
                ids[p++] = bucket(29, bit);
                ids[p++] = bucket(30, bit * 64L + (shortH[i] & 63) * 4 + context);
            }
            if (Character.isUpperCase(w.charAt(0))) {
                Contexts c = doc.contexts.get(lw);
                for (int side = 0; c != null && side < 2; side++) {
                    for (int k = 0; k < c.count[side]; k++) {
                        ids[p++] = bucket(35 + side, c.seen[side][k]);
                    }
                }
            }
            if (Character.isLetter(w.charAt(0))) {
                Integer cased = doc.casing.get(lw);
                ids[p++] = bucket(31, (cased == null ? 0 : cased) * 8L + context * 2 + (capitalised(w) ? 1 : 0));
                int profile = caseProfile.getWord(lw);
                ids[p++] = bucket(32, (profile == 0 ? 0 : Integer.numberOfTrailingZeros(profile) + 1) * 8L + context * 2
                        + (capitalised(w) ? 1 : 0));
            }
            p = clusterFeatures(cluster, i, sentStart, sentEnd, ids, p);
            offsets[i + 1] = p;
        }
        return new Seq(t, lower, headline, ids, offsets);
    }

    /**
     * Path prefixes of the clusters of the word and its two neighbours each side (within the sentence); a word the
     * clusters lack gives one "unknown" feature for its position.
     */
    private int clusterFeatures(int[] cluster, int i, int sentStart, int sentEnd, int[] ids, int p) {
        if (clusters.size() == 0) {
            return p;
        }
        int np = BrownClusters.PREFIXES.length;
        int stride = (clusters.prefixHashes.length / np + 2) * np;
        for (int d = 0; d < CLUSTER_WINDOW; d++) {
            int j = i + d - 2;
            int slot = j < sentStart || j >= sentEnd ? 0 : cluster[j] + 2;
            int base = d * stride + slot * np;
            if (slot <= 1) {
                ids[p++] = clusterBuckets[base];
            } else {
                // Two words away, the 6-bit class and the whole cluster carry what the other prefixes would.
                boolean far = d == 0 || d == CLUSTER_WINDOW - 1;
                for (int k = far ? 1 : 0; k < np; k += far ? 2 : 1) {
                    ids[p++] = clusterBuckets[base + k];
                }
            }
        }
        return p;
    }

    /** Template ids of the features that depend on the tags given earlier in the same document. */
    int memoryWord(int type) {
        return bucket(40, type);
    }

    int memoryLower(int type, int context) {
        return bucket(41, type * 4L + context);
    }
}
