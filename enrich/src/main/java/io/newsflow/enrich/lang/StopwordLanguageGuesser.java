package io.newsflow.enrich.lang;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first language guesser (ingest's until the n-gram detector replaced it): counts function words of six
 * languages and returns null when no language clearly leads. Kept as the baseline the detector is measured
 * against (docs/benchmarks.md); the pipeline uses {@link NgramLanguageIdentifier}.
 */
public final class StopwordLanguageGuesser implements LanguageIdentifier {
    public static final StopwordLanguageGuesser INSTANCE = new StopwordLanguageGuesser();

    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "as", "by", "has"),
            "es", Set.of("el", "la", "los", "las", "de", "del", "y", "que", "en", "por", "con", "una", "para", "se"),
            "fr", Set.of("le", "la", "les", "des", "du", "et", "que", "est", "une", "dans", "pour", "sur", "au", "aux"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "auf"),
            "pt", Set.of("os", "as", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para", "com", "não"),
            "it", Set.of("il", "lo", "gli", "della", "di", "che", "è", "per", "con", "un", "una", "nel", "sono"));
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private StopwordLanguageGuesser() {
    }

    @Override
    public String version() {
        return "stopwords-1";
    }

    @Override
    public String identify(String text) {
        return guess(text);
    }

    public static String guess(String text) {
        String[] words = WORD.split(text.toLowerCase(Locale.ROOT));
        String best = null;
        int bestCount = 0;
        int second = 0;
        for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
            int count = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && best != null && e.getKey().compareTo(best) < 0)) {
                second = Math.max(second, bestCount);
                best = e.getKey();
                bestCount = count;
            } else {
                second = Math.max(second, count);
            }
        }
        // Ask for a clear lead: related languages share many function words.
        return bestCount >= 5 && bestCount >= second * 1.3 ? best : null;
    }
}
