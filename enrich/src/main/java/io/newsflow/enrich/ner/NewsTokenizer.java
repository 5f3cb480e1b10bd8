package io.newsflow.enrich.ner;

import java.util.Set;

/**
 * Splits English news text into tokens and sentences that keep their character offsets. A word keeps inner
 * hyphens, apostrophes, dots and digit groups ("F-35B", "O'Brien", "U.S.", "1,200.5", "AT&T"); a possessive "'s"
 * is its own token; a final dot stays with known abbreviations, initials and dotted acronyms ("Gen.", "Jr.", "J.");
 * URLs stay whole; dashes and ellipses are one token. A sentence ends at . ! ? (and closing quotes) before a
 * capitalised word, or at a line break.
 */
public final class NewsTokenizer {
    /** Abbreviations whose final dot belongs to the word, so "Gen. Padrino" is not a sentence break. */
    static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj",
            "Capt", "Cpt", "Sgt", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Fr", "St", "Mt", "Ft", "Jr", "Sr",
            "Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "No", "Nos", "vs", "etc", "approx", "Jan", "Feb", "Mar",
            "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri",
            "Sat", "Sun", "Ave", "Blvd", "Dept", "Univ", "Assn", "est", "fig", "al", "cf", "eg", "ie", "Pres");
    /** Abbreviations that usually precede a name, so a capitalised word after them never starts a sentence. */
    static final Set<String> TITLE_ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col",
            "Maj", "Capt", "Cpt", "Sgt", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Fr", "St", "Mt", "Ft", "No",
            "Pres");

    private NewsTokenizer() {
    }

    public static TokenizedText tokenize(String text) {
        TokenizedText out = new TokenizedText(text);
        int n = text.length();
        int i = 0;
        boolean newline = true;
        boolean pendingBreak = false;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                newline |= c == '\n';
                i++;
                continue;
            }
            int start = i;
            boolean word = false;
            if (isUrlStart(text, i)) {
                i = urlEnd(text, i);
            } else if (Character.isLetterOrDigit(c)) {
                i = wordEnd(text, i);
                word = true;
            } else {
                i = punctEnd(text, i);
            }
            boolean sentenceStart;
            if (newline) {
                sentenceStart = true;
                pendingBreak = false;
            } else if (pendingBreak && isClosing(text, start)) {
                sentenceStart = false;
            } else {
                sentenceStart = pendingBreak && opensSentence(c);
                pendingBreak = false;
            }
            newline = false;
            int poss = word ? possessive(text, start, i) : -1;
            if (poss > start) {
                out.add(start, poss, sentenceStart);
                out.add(poss, i, false);
            } else {
                out.add(start, i, sentenceStart);
            }
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                pendingBreak = true;
            } else if (word && text.charAt(i - 1) == '.' && i - start > 2) {
                String w = text.substring(start, i - 1);
                pendingBreak = ABBREVIATIONS.contains(w) && !TITLE_ABBREVIATIONS.contains(w);
            }
        }
        return out;
    }

    /** A quote or bracket glued to the token before it closes that sentence rather than opening the next. */
    private static boolean isClosing(String text, int i) {
        return "\"'\u201d\u2019)]".indexOf(text.charAt(i)) >= 0 && i > 0 && !Character.isWhitespace(text.charAt(i - 1));
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"\u201c'(\u2018[".indexOf(c) >= 0;
    }

    private static boolean isUrlStart(String text, int i) {
        return text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i);
    }

    private static int urlEnd(String text, int i) {
        int n = text.length();
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        // Trailing sentence punctuation and closing brackets are not part of the address.
        while (".,;:!?)]\"'\u201d\u2019".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int i) {
        int n = text.length();
        int start = i;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if (i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))
                    && (c == '-' || c == '\'' || c == '\u2019' || c == '&' || c == '.'
                    || c == '\u2011' || ((c == ',' || c == '/' || c == ':') && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1))))) {
                i++;
            } else {
                break;
            }
        }
        if (i < n && text.charAt(i) == '.' && keepsDot(text, start, i)) {
            i++;
        }
        return i;
    }

    /** "U.S." and "J." keep their dot, and so do the abbreviations in {@link #ABBREVIATIONS}. */
    private static boolean keepsDot(String text, int start, int end) {
        int len = end - start;
        if (len == 1) {
            return Character.isUpperCase(text.charAt(start));
        }
        if (text.indexOf('.', start) >= 0 && text.indexOf('.', start) < end) {
            for (int k = start; k < end; k++) {
                char c = text.charAt(k);
                if (c != '.' && !Character.isLetter(c)) {
                    return false;
                }
            }
            return true;
        }
        return ABBREVIATIONS.contains(text.substring(start, end));
    }

    /** The offset where a trailing "'s" starts, or -1. */
    private static int possessive(String text, int start, int end) {
        if (end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            char a = text.charAt(end - 2);
            if (a == '\'' || a == '\u2019') {
                return end - 2;
            }
        }
        return -1;
    }

    private static int punctEnd(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '.' || c == '-' || c == '\u2014' || c == '\u2013' || c == '!' || c == '?' || c == '`'
                || c == '\'') {
            int j = i + 1;
            while (j < n && text.charAt(j) == c) {
                j++;
            }
            return j;
        }
        return i + Character.charCount(text.codePointAt(i));
    }

}
