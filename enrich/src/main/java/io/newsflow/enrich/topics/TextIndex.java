package io.newsflow.enrich.topics;

import io.newsflow.enrich.ner.NewsTokenizer;
import io.newsflow.enrich.ner.TokenizedText;
import io.newsflow.events.Article;
import io.newsflow.events.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An article's words with their field, offsets, paragraph and light stem, tokenised once and shared by every label.
 * A paragraph starts after a blank line, or at an indented line as in wire copy.
 */
final class TextIndex {
    /** One word token; {@code paragraph} is -1 outside the body. */
    record Word(TextField field, int start, int end, String lower, String stem, int paragraph, int bodyIndex) {
    }

    final List<List<Word>> fields = new ArrayList<>();
    private final Article article;
    final int wordCount;
    final int paragraphs;

    TextIndex(Article article) {
        this.article = article;
        int count = 0;
        int paras = 0;
        for (TextField f : TextField.values()) {
            String text = article.field(f);
            List<Word> words = new ArrayList<>();
            if (text != null) {
                List<Integer> breaks = f == TextField.BODY ? paragraphBreaks(text) : List.of();
                int b = 0;
                int bodyIndex = 0;
                // The entity tagger's tokeniser: one way to cut news text into words in the whole enricher.
                TokenizedText tokens = NewsTokenizer.tokenize(text);
                for (int i = 0; i < tokens.size(); i++) {
                    String tok = tokens.word(i);
                    if (!Character.isLetterOrDigit(tok.charAt(0)) || isUrl(tok)) {
                        continue;
                    }
                    int tokStart = tokens.start(i);
                    while (b < breaks.size() && breaks.get(b) <= tokStart) {
                        b++;
                    }
                    // "oil-drilling" and "cease-fire" are matched part by part, so "oil" and "cease fire" find them.
                    int partStart = tokStart;
                    for (int k = 0; k <= tok.length(); k++) {
                        if (k == tok.length() || tok.charAt(k) == '-') {
                            int partEnd = tokStart + k;
                            if (partEnd > partStart) {
                                String lower = text.substring(partStart, partEnd).toLowerCase(Locale.ROOT);
                                words.add(new Word(f, partStart, partEnd, lower, stem(lower),
                                        f == TextField.BODY ? b : -1, f == TextField.BODY ? bodyIndex++ : -1));
                            }
                            partStart = partEnd + 1;
                        }
                    }
                }
                if (f == TextField.BODY) {
                    paras = breaks.size() + 1;
                }
            }
            count += words.size();
            fields.add(words);
        }
        this.wordCount = count;
        this.paragraphs = paras;
    }

    String text(TextField f) {
        return article.field(f);
    }

    /** The body word that starts at or covers {@code offset}, counted from 0; the word count when past the end. */
    int bodyWordIndexAt(int offset) {
        int i = firstBodyWordEndingAfter(offset);
        List<Word> body = fields.get(TextField.BODY.ordinal());
        return i < body.size() ? body.get(i).bodyIndex() : body.size();
    }

    /** The body paragraph of a mention, -1 outside the body. */
    int paragraphAt(io.newsflow.events.Mention m) {
        if (m.field() != TextField.BODY) {
            return -1;
        }
        int i = firstBodyWordEndingAfter(m.start());
        List<Word> body = fields.get(TextField.BODY.ordinal());
        return i < body.size() ? body.get(i).paragraph() : -1;
    }

    /** Binary search (words are in text order), so looking up every entity stays linear-logarithmic. */
    private int firstBodyWordEndingAfter(int offset) {
        List<Word> body = fields.get(TextField.BODY.ordinal());
        int lo = 0;
        int hi = body.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (body.get(mid).end() > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static List<Integer> paragraphBreaks(String text) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\n') {
                continue;
            }
            int j = i + 1;
            boolean blank = false;
            boolean indent = false;
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                if (text.charAt(j) == '\n') {
                    blank = true;
                } else if (!blank) {
                    indent = true;
                }
                j++;
            }
            if ((blank || indent) && j < text.length()) {
                out.add(j);
            }
            i = j - 1;
        }
        return out;
    }

    private static final String UNDOUBLE = "bdgmnprt";

    /**
     * A light English stemmer that maps the inflected forms a phrase takes in news copy to one key: plurals
     * ("warships", "policies"), possessives, -ed and -ing ("negotiated", "shipping"), a final -e ("negotiate").
     * Deliberately weaker than Porter so that "forceful" never becomes "force".
     */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("'")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        boolean suffix = false;
        if (w.endsWith("ing") && w.length() >= 6) {
            w = w.substring(0, w.length() - 3);
            suffix = true;
        } else if (w.endsWith("ed") && w.length() >= 5) {
            w = w.substring(0, w.length() - 2);
            suffix = true;
        }
        int n = w.length();
        if (suffix && n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && UNDOUBLE.indexOf(w.charAt(n - 1)) >= 0) {
            w = w.substring(0, n - 1);
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Web addresses are one token to the tagger; as topic words they would only be noise. */
    private static boolean isUrl(String token) {
        return token.startsWith("http://") || token.startsWith("https://") || token.startsWith("www.");
    }
}
