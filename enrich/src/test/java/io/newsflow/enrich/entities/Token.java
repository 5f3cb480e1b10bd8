package io.newsflow.enrich.entities;

/** A token and where it stands in its text: {@code text.substring(start, end).equals(token.text())}. */
public record Token(String text, int start, int end) {
    public boolean isWord() {
        return Character.isLetterOrDigit(text.codePointAt(0));
    }

    /** Starts with an upper-case letter (covers "Maduro", "AFP", "López"). */
    public boolean isCapitalised() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    public boolean isAllCaps() {
        boolean letters = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters;
    }
}
