package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits English news text into word and punctuation tokens that keep their character offsets. Words keep inner
 * hyphens and apostrophes ("F-35B", "O'Brien"), dotted abbreviations stay whole ("U.S."), and a possessive "'s"
 * is its own token so "Venezuela's" yields "Venezuela".
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                i = wordEnd(text, i);
                addWord(text, start, i, tokens);
            } else {
                int len = Character.charCount(text.codePointAt(i));
                tokens.add(new Token(text.substring(i, i + len), i, i + len));
                i += len;
            }
        }
        return tokens;
    }

    private static int wordEnd(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '-' || c == '\'' || c == '\u2019' || c == '.' || c == '&')
                    && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        // "U.S." keeps its final dot: single letters joined by dots are an abbreviation.
        if (i < n && text.charAt(i) == '.' && isDottedAbbreviation(text.substring(skipBack(text, i), i))) {
            i++;
        }
        return i;
    }

    /** An abbreviation is short: looking back further would make a long run without spaces quadratic. */
    private static final int MAX_ABBREVIATION = 32;

    private static int skipBack(String text, int end) {
        int s = end;
        int floor = Math.max(0, end - MAX_ABBREVIATION);
        while (s > floor && !Character.isWhitespace(text.charAt(s - 1)) && text.charAt(s - 1) != '(') {
            s--;
        }
        return s;
    }

    private static boolean isDottedAbbreviation(String s) {
        return s.matches("(\\p{L}\\.)+\\p{L}");
    }

    private static void addWord(String text, int start, int end, List<Token> tokens) {
        String word = text.substring(start, end);
        int apostrophe = Math.max(word.lastIndexOf("'s"), word.lastIndexOf("\u2019s"));
        if (apostrophe > 0 && apostrophe == word.length() - 2) {
            tokens.add(new Token(word.substring(0, apostrophe), start, start + apostrophe));
            tokens.add(new Token(word.substring(apostrophe), start + apostrophe, end));
        } else {
            tokens.add(new Token(word, start, end));
        }
    }
}
