package io.newsflow.ingest;

/**
 * The text rule every ingest source applies to title, body and caption before the id is derived: line breaks are
 * {@code \n} ({@code \r\n} and a lone {@code \r} become {@code \n}), tab and {@code \n} are the only control
 * characters kept, and every other C0 or C1 control (U+0000–U+001F, U+007F–U+009F) is removed. Enrich refuses
 * control characters, so an article that passes ingest is never dead-lettered for one.
 */
public final class ArticleText {
    private ArticleText() {
    }

    /** The text under the rule above; null stays null, and clean text is returned as it is. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !changes(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (!changes(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean changes(char c) {
        return c != '\n' && c != '\t' && Character.isISOControl(c);
    }
}
