package io.newsflow.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses an article's language from function words: enough for routing and for telling the extractors when text
 * is not English. Returns null when no language clearly leads, rather than guessing.
 */
public final class LanguageGuesser {
    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "as", "by", "has"),
            "es", Set.of("el", "la", "los", "las", "de", "del", "y", "que", "en", "por", "con", "una", "para", "se"),
            "fr", Set.of("le", "la", "les", "des", "du", "et", "que", "est", "une", "dans", "pour", "sur", "au", "aux"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "auf"),
            "pt", Set.of("os", "as", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para", "com", "não"),
            "it", Set.of("il", "lo", "gli", "della", "di", "che", "è", "per", "con", "un", "una", "nel", "sono"));
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private LanguageGuesser() {
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
