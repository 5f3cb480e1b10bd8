package io.newsflow.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How newsflow compares names blind to accents and case: one place for the rule, so an entity id, a gazetteer
 * look-up and a knowledge-base look-up agree that "Nicolás" is "nicolas". (Article ids hash NFKC text instead,
 * {@code ArticleIds}: they must keep accents apart, and the tagger folds single characters through its own table,
 * which is part of the trained model.)
 */
public final class TextFold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFold() {
    }

    /** Compatibility-decomposed with the combining marks removed: "Bogotá" → "Bogota", "ﬁ" → "fi". */
    public static String withoutAccents(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
            }
        }
        return s;
    }

    /** {@link #withoutAccents}, lower case, the typographic apostrophe as {@code '}: "Côte d’Ivoire" → "cote d'ivoire". */
    public static String plain(String s) {
        return withoutAccents(s).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
