package io.newsflow.tools.ner;

import io.newsflow.enrich.ner.NerModel;
import io.newsflow.enrich.ner.TokenizedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CoNLL-2003 and CoNLL-2002 files read as documents (split at -DOCSTART-, or at wire datelines where a file has
 * none): tokens, their IOB1 or IOB2 tags and sentence breaks. A
 * document is turned into text by joining its tokens with single spaces, which is what the extractor sees; gold
 * entities are token spans, and character spans map back onto tokens for scoring.
 */
public final class Conll {
    private Conll() {
    }

    /** A typed span over tokens [start, end); type is an index into {@link NerModel#TYPES}. */
    public record Span(int start, int end, int type) {
    }

    /** One CoNLL document. */
    public static final class Doc {
        public final String[] tokens;
        public final String[] tags;
        /** Token indexes where a sentence starts. */
        public final int[] sentenceStarts;
        public final String text;
        public final int[] charStarts;

        Doc(List<String> tokens, List<String> tags, List<Integer> sentenceStarts) {
            this.tokens = tokens.toArray(String[]::new);
            this.tags = tags.toArray(String[]::new);
            this.sentenceStarts = sentenceStarts.stream().mapToInt(Integer::intValue).toArray();
            StringBuilder sb = new StringBuilder();
            charStarts = new int[this.tokens.length];
            for (int i = 0; i < this.tokens.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                charStarts[i] = sb.length();
                sb.append(this.tokens[i]);
            }
            text = sb.toString();
        }

        public int size() {
            return tokens.length;
        }

        /** Gold entities from the IOB1 tags: I-X continues an entity of type X, B-X starts a new one. */
        public List<Span> goldSpans() {
            List<Span> spans = new ArrayList<>();
            int start = -1;
            int type = -1;
            int nextSentence = 1;
            for (int i = 0; i <= tags.length; i++) {
                String tag = i < tags.length ? tags[i] : "O";
                int t = tag.equals("O") ? -1 : typeIndex(tag.substring(2));
                boolean sentenceBreak = nextSentence < sentenceStarts.length && sentenceStarts[nextSentence] == i;
                if (sentenceBreak) {
                    nextSentence++;
                }
                boolean begins = t >= 0 && (tag.startsWith("B-") || t != type || start < 0 || sentenceBreak);
                if (start >= 0 && (t < 0 || begins || sentenceBreak)) {
                    spans.add(new Span(start, i, type));
                    start = -1;
                }
                if (begins) {
                    start = i;
                }
                type = t;
            }
            return spans;
        }

        /** The index of the token that holds character {@code c}. */
        public int tokenAt(int c) {
            int i = Arrays.binarySearch(charStarts, c);
            return i >= 0 ? i : -i - 2;
        }

        /** Character spans of the text mapped to the token spans that contain them. */
        public Span toTokens(int charStart, int charEnd, int type) {
            return new Span(tokenAt(charStart), tokenAt(charEnd - 1) + 1, type);
        }

        /**
         * BILOU gold tags for another tokenisation of {@link #text}, by the gold entity each token falls in; an
         * entity the tokeniser's sentence break cuts becomes two, since the tagger decodes sentence by sentence.
         */
        public int[] alignedTags(TokenizedText t) {
            int[] entityOf = new int[tokens.length];
            Arrays.fill(entityOf, -1);
            List<Span> gold = goldSpans();
            for (int k = 0; k < gold.size(); k++) {
                for (int i = gold.get(k).start(); i < gold.get(k).end(); i++) {
                    entityOf[i] = k;
                }
            }
            int[] entity = new int[t.size()];
            for (int i = 0; i < t.size(); i++) {
                entity[i] = entityOf[tokenAt(t.start(i))];
            }
            int[] out = new int[t.size()];
            for (int i = 0; i < t.size(); i++) {
                int e = entity[i];
                if (e < 0) {
                    continue;
                }
                boolean before = i > 0 && !t.sentenceStart(i) && entity[i - 1] == e;
                boolean after = i + 1 < t.size() && !t.sentenceStart(i + 1) && entity[i + 1] == e;
                int position = before ? (after ? 1 : 2) : (after ? 0 : 3);
                out[i] = NerModel.tagOf(gold.get(e).type(), position);
            }
            return out;
        }
    }

    public static int typeIndex(String type) {
        for (int k = 0; k < NerModel.TYPES.length; k++) {
            if (NerModel.TYPES[k].equals(type)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown CoNLL type " + type);
    }

    /** CoNLL-2003 format: space-separated columns, the token first and the tag last. */
    public static List<Doc> read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * The CoNLL-U-like layout of the Wikigold and CoNLL-2002 releases: {@code index<TAB>token<TAB>tag}, IOB2 tags,
     * documents split at a {@code -DOCSTART-} token. A file without any (CoNLL-2002 Spanish) is cut into documents at
     * its wire datelines ({@link #isDateline}), one news story each; a file with neither is cut into runs of
     * {@link #SENTENCES_PER_DOC} sentences, so that no "document" spans the whole corpus.
     */
    public static List<Doc> readConllu(Path file) throws IOException {
        List<Doc> docs = read(file, true);
        return docs.size() == 1 && !Files.readString(file, StandardCharsets.UTF_8).contains("-DOCSTART-")
                ? splitStories(docs.get(0)) : docs;
    }

    /** The size of a document cut from a file that marks neither documents nor stories. */
    public static final int SENTENCES_PER_DOC = 10;

    /**
     * One document per story, a story starting at each dateline sentence; runs of {@link #SENTENCES_PER_DOC}
     * sentences when there is no dateline at all.
     */
    static List<Doc> splitStories(Doc all) {
        int n = all.sentenceStarts.length;
        List<Integer> cuts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (s > 0 && isDateline(sentence(all, s), s + 1 < n ? sentence(all, s + 1) : List.of())) {
                cuts.add(s);
            }
        }
        if (cuts.isEmpty()) {
            for (int s = SENTENCES_PER_DOC; s < n; s += SENTENCES_PER_DOC) {
                cuts.add(s);
            }
        }
        cuts.add(n);
        List<Doc> docs = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            if (cut > from) {
                docs.add(slice(all, from, cut));
            }
            from = cut;
        }
        return docs;
    }

    private static List<String> sentence(Doc d, int s) {
        int end = s + 1 < d.sentenceStarts.length ? d.sentenceStarts[s + 1] : d.tokens.length;
        return Arrays.asList(d.tokens).subList(d.sentenceStarts[s], end);
    }

    private static Doc slice(Doc d, int fromSentence, int toSentence) {
        int a = d.sentenceStarts[fromSentence];
        int b = toSentence < d.sentenceStarts.length ? d.sentenceStarts[toSentence] : d.tokens.length;
        List<Integer> starts = new ArrayList<>();
        for (int s = fromSentence; s < toSentence; s++) {
            starts.add(d.sentenceStarts[s] - a);
        }
        return new Doc(Arrays.asList(d.tokens).subList(a, b), Arrays.asList(d.tags).subList(a, b), starts);
    }

    /**
     * A wire story's opening line: an agency in capitals in brackets after a day and month ("Madrid , 23 may ( EFE
     * ) ."), or ending the sentence right before a lone dash sentence ("Lima ( EFE ) ." then "-").
     */
    static boolean isDateline(List<String> s, List<String> next) {
        for (int i = 0; i + 2 < s.size(); i++) {
            String agency = s.get(i + 1);
            if (!s.get(i).equals("(") || !s.get(i + 2).equals(")") || agency.length() < 2
                    || !agency.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                continue;
            }
            boolean dated = i >= 2 && s.get(i - 2).chars().allMatch(Character::isDigit)
                    && s.get(i - 1).chars().allMatch(Character::isLetter);
            boolean closes = (i + 3 == s.size() || i + 4 == s.size() && s.get(i + 3).equals("."))
                    && next.equals(List.of("-"));
            if (dated || closes) {
                return true;
            }
        }
        return false;
    }

    private static List<Doc> read(Path file, boolean tabbed) throws IOException {
        List<Doc> docs = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        boolean newSentence = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = tabbed ? line.split("\t") : line.split(" ");
            String token = tabbed && cols.length >= 3 ? cols[1] : cols[0];
            if (token.equals("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    docs.add(new Doc(tokens, tags, starts));
                }
                tokens = new ArrayList<>();
                tags = new ArrayList<>();
                starts = new ArrayList<>();
                newSentence = true;
                continue;
            }
            if (line.isBlank()) {
                newSentence = true;
                continue;
            }
            if (newSentence) {
                starts.add(tokens.size());
                newSentence = false;
            }
            tokens.add(token);
            tags.add(cols[cols.length - 1]);
        }
        if (!tokens.isEmpty()) {
            docs.add(new Doc(tokens, tags, starts));
        }
        return docs;
    }

    /** Walks up from the working directory to find {@code shared/eval/conll2003/NAME}; null when absent. */
    public static Path locate(String name) {
        return locateEval("conll2003/" + name);
    }

    /**
     * Walks up from the working directory to find {@code shared/eval/PATH} (e.g. {@code
     * ner/conll2002/es/val.conllu}), also beside each directory; null when absent.
     */
    public static Path locateEval(String path) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("shared/eval").resolve(path);
            if (Files.isRegularFile(p)) {
                return p;
            }
            Path sibling = dir.resolveSibling("shared/eval").resolve(path);
            if (dir.getParent() != null && Files.isRegularFile(sibling)) {
                return sibling;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
