package io.newsflow.enrich.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The language detector of the enrich stage: character n-gram profiles (optimaize language-detector, a port of
 * Cybozu's langdetect, Apache-2.0) restricted to {@link #NEWS_LANGUAGES}, with an answer only when the best
 * language's probability reaches {@code minConfidence}; below it, unknown (null) rather than a guess.
 *
 * <p>Measured against the stopword guesser it replaced on a mixed-language sample (docs/benchmarks.md,
 * "Language detection"). The profiles are read once per JVM ({@link #standard()}); the library's detector is
 * immutable, so one instance serves every stream thread. Its sampling uses a fixed seed, so the same text always
 * gets the same answer (replay gives the same events).
 *
 * <p>Only the first {@link #MAX_CHARS} characters are read: a few thousand characters decide the language of any
 * article, and the cost stays flat for a 1 MB body.
 */
public final class NgramLanguageIdentifier implements LanguageIdentifier {
    /**
     * The languages the detector chooses from: the languages of Western and Central European and world news that
     * the library profiles, neighbours of each other included (Catalan and Galician next to Spanish and
     * Portuguese, Afrikaans next to Dutch, the Scandinavian languages next to German) so that a text in one of
     * them is not forced into its neighbour. Restricted to these (instead of all 71 profiles) it names more titles
     * right (83% against 77% on the benchmark's sample) and reads faster.
     */
    public static final Set<String> NEWS_LANGUAGES = Set.of(
            "en", "es", "fr", "de", "pt", "it", "nl", "ca", "gl", "eu", "af", "da", "sv", "no", "fi", "pl", "cs",
            "sk", "hu", "ro", "hr", "sl", "el", "tr", "ru", "uk", "bg", "ar", "he", "fa", "hi", "zh-CN", "ja", "ko",
            "id", "vi");
    /** Below this probability the answer is unknown (null). See docs/benchmarks.md for the choice. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.8;
    /** The detector reads at most this many characters. */
    public static final int MAX_CHARS = 4000;

    private final LanguageDetector detector;
    private final TextObjectFactory texts;
    private final double minConfidence;
    private final String version;

    private static final class Standard {
        static final NgramLanguageIdentifier INSTANCE = new NgramLanguageIdentifier(NEWS_LANGUAGES,
                DEFAULT_MIN_CONFIDENCE);
    }

    /** The pipeline's detector, loaded once per JVM. */
    public static NgramLanguageIdentifier standard() {
        return Standard.INSTANCE;
    }

    /**
     * A detector over {@code languages} (codes as the library names its profiles; null: all 71) that answers
     * when the best probability is at least {@code minConfidence}.
     */
    public NgramLanguageIdentifier(Collection<String> languages, double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0,1]: " + minConfidence);
        }
        List<LanguageProfile> profiles;
        try {
            LanguageProfileReader reader = new LanguageProfileReader();
            if (languages == null) {
                profiles = reader.readAllBuiltIn();
            } else {
                List<LdLocale> locales = new ArrayList<>();
                for (String l : new TreeSet<>(languages)) {
                    locales.add(LdLocale.fromString(l));
                }
                profiles = reader.readBuiltIn(locales);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language profiles", e);
        }
        this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(profiles)
                // The library's own cut-off; ours is applied in identify() so that probabilities can be measured.
                .minimalConfidence(0)
                .build();
        this.texts = CommonTextObjectFactories.forDetectingOnLargeText();
        this.minConfidence = minConfidence;
        this.version = "lang-optimaize-0.6-" + (languages == null ? "all" : String.valueOf(profiles.size())) + "@"
                + minConfidence;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String identify(String text) {
        DetectedLanguage best = best(text);
        return best != null && best.getProbability() >= minConfidence ? code(best.getLocale()) : null;
    }

    /** The most probable language and its probability, whatever the confidence; null for text without letters. */
    public DetectedLanguage best(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = unshout(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        List<DetectedLanguage> ranked = detector.getProbabilities(texts.forText(sample));
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    /**
     * Writes a line that is mostly capitals ("OPEC CUTS OUTPUT AS PRICES FALL", a wire headline) in lower case.
     * The profiles were built from text in ordinary case, where capitals start German nouns: such headlines were
     * taken for German. Lines in ordinary case keep their acronyms (lower-casing "EFE" in Spanish text hurt).
     */
    static String unshout(String text) {
        StringBuilder out = null;
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int upper = 0;
            int lower = 0;
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                if (Character.isUpperCase(c)) {
                    upper++;
                } else if (Character.isLowerCase(c)) {
                    lower++;
                }
            }
            if (upper > 2 * lower) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int i = lineStart; i < lineEnd; i++) {
                    out.setCharAt(i, Character.toLowerCase(text.charAt(i)));
                }
            }
            lineStart = lineEnd + 1;
        }
        return out == null ? text : out.toString();
    }

    /** ISO 639-1 as the events carry it: "zh-CN" is "zh". */
    public static String code(LdLocale locale) {
        return locale.getLanguage().toLowerCase(Locale.ROOT);
    }
}
