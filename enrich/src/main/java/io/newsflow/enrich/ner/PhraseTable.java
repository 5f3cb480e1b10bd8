package io.newsflow.enrich.ner;

import java.util.Arrays;

/**
 * Multi-word names looked up by a hash of their token sequence, so matching a text allocates nothing: each entry
 * records which entity types (bits 0-3: PER, ORG, LOC, MISC) it names, and every proper prefix of an entry is
 * marked so a scan stops as soon as no longer entry can match. Both the exact and the lower-cased forms are kept.
 * Public so that the trainer (newsflow-tools) can build the training-name lists a model stores; only the
 * constructor and {@link #add(String, int, boolean)} are public.
 */
public final class PhraseTable {
    static final int PREFIX = 1 << 8;
    static final int MAX_LEN = 8;

    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    /** An empty table. */
    public PhraseTable() {
    }

    static long start() {
        return 0x2545F4914F6CDD1DL;
    }

    static long step(long h, String word) {
        h = (h ^ word.hashCode()) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }

    /** Adds a phrase given as words (already split the way {@link NewsTokenizer} splits text). */
    void add(String[] words, int type) {
        if (words.length == 0 || words.length > MAX_LEN) {
            return;
        }
        long h = start();
        for (int k = 0; k < words.length; k++) {
            h = step(h, words[k]);
            put(h, k == words.length - 1 ? 1 << type : PREFIX);
        }
    }

    /**
     * Adds a phrase of type {@code type} (0 PER, 1 ORG, 2 LOC, 3 MISC), split as {@link NewsTokenizer} splits text,
     * and its lower-cased form too when {@code lowerToo}. Public for the trainer's training-name lists.
     */
    public void add(String phrase, int type, boolean lowerToo) {
        TokenizedText t = NewsTokenizer.tokenize(phrase);
        String[] words = Arrays.copyOf(t.words, t.size);
        add(words, type);
        if (lowerToo) {
            for (int k = 0; k < words.length; k++) {
                words[k] = Features.lower(words[k]);
            }
            add(words, type);
        }
    }

    private void put(long key, int bits) {
        if (key == 0) {
            key = 1;
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        values[i] |= bits;
    }

    int get(long key) {
        if (key == 0) {
            key = 1;
        }
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /**
     * Marks the tokens of [from, to) covered by the longest entry starting at each token: bit
     * {@code shift + 2*type} for the first token of a match, {@code shift + 2*type + 1} for the others.
     */
    void mark(String[] words, int from, int to, int[] bits, int shift) {
        for (int i = from; i < to; i++) {
            long h = start();
            int bestEnd = -1;
            int bestTypes = 0;
            for (int j = i; j < to && j - i < MAX_LEN; j++) {
                h = step(h, words[j]);
                int v = get(h);
                if ((v & 0xF) != 0) {
                    bestEnd = j + 1;
                    bestTypes = v & 0xF;
                }
                if ((v & PREFIX) == 0) {
                    break;
                }
            }
            for (int type = 0; type < 4 && bestEnd > 0; type++) {
                if ((bestTypes & (1 << type)) != 0) {
                    bits[i] |= 1 << (shift + 2 * type);
                    for (int k = i + 1; k < bestEnd; k++) {
                        bits[k] |= 1 << (shift + 2 * type + 1);
                    }
                }
            }
        }
    }

    /** The longest entry starting at token {@code i} as {@code length << 4 | typeBits}, or 0. */
    int longestAt(String[] words, int i, int to) {
        long h = start();
        int best = 0;
        for (int j = i; j < to && j - i < MAX_LEN; j++) {
            h = step(h, words[j]);
            int v = get(h);
            if ((v & 0xF) != 0) {
                best = (j + 1 - i) << 4 | (v & 0xF);
            }
            if ((v & PREFIX) == 0) {
                break;
            }
        }
        return best;
    }

    /** A single word's value, for tables keyed by one word (the corpus case profile). */
    void putWord(String word, int bits) {
        put(step(start(), word), bits);
    }

    int getWord(String word) {
        return get(step(start(), word));
    }

    /** Writes hashed keys only: the table can be looked up but its phrases cannot be listed. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                out.writeLong(keys[i]);
                out.writeShort(values[i]);
            }
        }
    }

    static PhraseTable read(java.io.DataInputStream in) throws java.io.IOException {
        PhraseTable t = new PhraseTable();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            t.put(in.readLong(), in.readShort());
        }
        return t;
    }

    int size() {
        return size;
    }
}
