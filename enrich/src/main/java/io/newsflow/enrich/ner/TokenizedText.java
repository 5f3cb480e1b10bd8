package io.newsflow.enrich.ner;

import java.util.Arrays;

/**
 * Tokens of one text with their character offsets and sentence starts, in parallel arrays so the tagger reads
 * them without allocating: {@code text.substring(start(i), end(i)).equals(word(i))} for every token.
 */
public final class TokenizedText {
    final String text;
    String[] words = new String[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] sentenceStarts = new boolean[64];
    int size;

    TokenizedText(String text) {
        this.text = text;
    }

    void add(int start, int end, boolean sentenceStart) {
        if (size == words.length) {
            int n = size * 2;
            words = Arrays.copyOf(words, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            sentenceStarts = Arrays.copyOf(sentenceStarts, n);
        }
        words[size] = text.substring(start, end);
        starts[size] = start;
        ends[size] = end;
        sentenceStarts[size] = sentenceStart;
        size++;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public String word(int i) {
        return words[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** True when token {@code i} opens a sentence. */
    public boolean sentenceStart(int i) {
        return sentenceStarts[i];
    }

    /** The index one past the last token of the sentence that starts at {@code from}. */
    public int sentenceEnd(int from) {
        int j = from + 1;
        while (j < size && !sentenceStarts[j]) {
            j++;
        }
        return j;
    }
}
