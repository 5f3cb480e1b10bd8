package io.newsflow.enrich.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.optimaize.langdetect.DetectedLanguage;
import io.newsflow.enrich.lang.LanguageSample.Item;
import io.newsflow.enrich.lang.LanguageSample.Length;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The language detector on the mixed-language sample ({@link LanguageSample}). The first test uses the project's
 * own texts only and always runs; the measurement needs {@code ../shared/eval} and skips without it. The
 * measurement prints its tables (target/surefire-reports/...LanguageSampleTest-output.txt and
 * target/language-eval.md); docs/benchmarks.md records them.
 */
class LanguageSampleTest {
    static final double[] THRESHOLDS = {0.5, 0.8, 0.9, 0.95, 0.99, 0.999};

    @Test
    void theDetectorNamesEveryLanguageOfTheProjectsOwnSample() {
        NgramLanguageIdentifier detector = NgramLanguageIdentifier.standard();
        List<Item> own = LanguageSample.own();
        assertTrue(own.size() >= 39, "19 seeds (18 English, 1 Spanish) and 20 written: " + own.size());
        for (Item item : own) {
            assertEquals(item.language(), detector.identify(item.full()), item.title());
        }
        int titles = 0;
        for (Item item : own) {
            String got = detector.identify(item.title());
            if (item.language().equals(got)) {
                titles++;
            }
            assertTrue(item.language().equals("en") || !"en".equals(got),
                    "a title in another language is never taken for English: " + item.title());
        }
        assertTrue(titles >= own.size() * 0.75, "titles named right: " + titles + "/" + own.size());
    }

    @Test
    void measuresTheStopwordGuesserAgainstTheDetectorOnTheMixedSample() throws IOException {
        Path eval = LanguageSample.evalDir();
        assumeTrue(eval != null, "skipped: ../shared/eval (topics/, ner/conll2002/) not found: research-only data, "
                + "not shipped with the project");
        List<Item> sample = LanguageSample.full(eval);
        StringBuilder out = new StringBuilder();
        Map<String, Long> byLanguage = new TreeMap<>();
        for (Item i : sample) {
            byLanguage.merge(i.language(), 1L, Long::sum);
        }
        out.append(String.format(Locale.ROOT, "sample: %d articles %s%n%n", sample.size(), byLanguage));

        long t0 = System.nanoTime();
        NgramLanguageIdentifier news = new NgramLanguageIdentifier(NgramLanguageIdentifier.NEWS_LANGUAGES, 0.0);
        long t1 = System.nanoTime();
        NgramLanguageIdentifier all = new NgramLanguageIdentifier(null, 0.0);
        long t2 = System.nanoTime();
        out.append(String.format(Locale.ROOT, "profile loading: %d languages %.0f ms, all 71 %.0f ms%n%n",
                NgramLanguageIdentifier.NEWS_LANGUAGES.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6));

        out.append("| detector | text | correct | unknown | wrong | non-English given en | English not en |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        Map<String, Score> chosen = new TreeMap<>();
        for (Length length : Length.values()) {
            row(out, "stopwords (before)", length, sample, i -> StopwordLanguageGuesser.guess(i.text(length)));
            for (var entry : Map.of("n-gram, all 71", all, "n-gram, " + NgramLanguageIdentifier.NEWS_LANGUAGES.size()
                    + " news languages", news).entrySet()) {
                List<DetectedLanguage> best = new ArrayList<>();
                for (Item i : sample) {
                    best.add(entry.getValue().best(i.text(length)));
                }
                for (double t : THRESHOLDS) {
                    Map<Item, String> answers = new java.util.IdentityHashMap<>();
                    for (int k = 0; k < sample.size(); k++) {
                        DetectedLanguage d = best.get(k);
                        answers.put(sample.get(k), d != null && d.getProbability() >= t
                                ? NgramLanguageIdentifier.code(d.getLocale()) : null);
                    }
                    Score s = row(out, entry.getKey() + " ≥ " + t, length, sample, answers::get);
                    if (entry.getValue() == news && t == NgramLanguageIdentifier.DEFAULT_MIN_CONFIDENCE) {
                        chosen.put(length.name(), s);
                    }
                }
            }
        }

        out.append("\nper language, the chosen setting (")
                .append(NgramLanguageIdentifier.standard().version()).append("), correct / unknown / wrong:\n\n");
        out.append("| language | n | full article | title only | ").append(LanguageSample.SHORT_WORDS)
                .append(" words |\n|---|---|---|---|---|\n");
        NgramLanguageIdentifier standard = NgramLanguageIdentifier.standard();
        for (String lang : byLanguage.keySet()) {
            out.append("| ").append(lang).append(" | ").append(byLanguage.get(lang));
            for (Length length : Length.values()) {
                int ok = 0, unknown = 0, wrong = 0;
                for (Item i : sample) {
                    if (!i.language().equals(lang)) {
                        continue;
                    }
                    String got = standard.identify(i.text(length));
                    if (got == null) {
                        unknown++;
                    } else if (got.equals(lang)) {
                        ok++;
                    } else {
                        wrong++;
                    }
                }
                out.append(" | ").append(ok).append(" / ").append(unknown).append(" / ").append(wrong);
            }
            out.append(" |\n");
        }
        out.append("\nwhat to do when the language is unknown (the chosen setting): English articles that would lose "
                + "their entities / non-English articles that would get the English model's:\n\n");
        out.append("| when unknown | full article | title only | ").append(LanguageSample.SHORT_WORDS)
                .append(" words |\n|---|---|---|---|\n");
        String[] policies = {"no entity model (chosen)", "the English model", "the English model if English is "
                + "the likeliest"};
        for (int p = 0; p < policies.length; p++) {
            out.append("| ").append(policies[p]);
            for (Length length : Length.values()) {
                int lost = 0, foreign = 0;
                for (Item i : sample) {
                    DetectedLanguage d = news.best(i.text(length));
                    String top = d == null ? null : NgramLanguageIdentifier.code(d.getLocale());
                    boolean sure = d != null && d.getProbability() >= NgramLanguageIdentifier.DEFAULT_MIN_CONFIDENCE;
                    boolean english = sure ? "en".equals(top) : p == 1 || p == 2 && "en".equals(top);
                    if (i.language().equals("en") && !english) {
                        lost++;
                    } else if (!i.language().equals("en") && english) {
                        foreign++;
                    }
                }
                out.append(" | ").append(lost).append(" / ").append(foreign);
            }
            out.append(" |\n");
        }

        out.append("\nspeed, one thread, full articles (mean ")
                .append(sample.stream().mapToInt(i -> i.full().length()).sum() / sample.size())
                .append(" chars):\n\n");
        speed(out, "stopwords (before)", sample, StopwordLanguageGuesser::guess);
        speed(out, "n-gram, all 71", sample, all::identify);
        speed(out, "n-gram, news languages", sample, news::identify);

        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/language-eval.md"), out);

        Score full = chosen.get(Length.FULL.name());
        assertTrue(full.correct >= full.n * 0.98, "full articles: " + full);
        assertEquals(0, full.nonEnglishAsEnglish, "no non-English article is taken for English: " + full);
        assertTrue(full.englishNotEnglish <= 0.02 * byLanguage.get("en"),
                "at most 2% of English articles (earnings tables of figures) not taken for English: " + full);
    }

    static final class Score {
        int n, correct, unknown, wrong, nonEnglishAsEnglish, englishNotEnglish;

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d correct, %d unknown, %d wrong", correct, n, unknown, wrong);
        }
    }

    private static Score row(StringBuilder out, String name, Length length, List<Item> sample,
                             Function<Item, String> detect) {
        Score s = new Score();
        int english = 0, nonEnglish = 0;
        for (Item i : sample) {
            String got = detect.apply(i);
            s.n++;
            if (got == null) {
                s.unknown++;
            } else if (got.equals(i.language())) {
                s.correct++;
            } else {
                s.wrong++;
            }
            if (i.language().equals("en")) {
                english++;
                if (!"en".equals(got)) {
                    s.englishNotEnglish++;
                }
            } else {
                nonEnglish++;
                if ("en".equals(got)) {
                    s.nonEnglishAsEnglish++;
                }
            }
        }
        out.append(String.format(Locale.ROOT, "| %s | %s | %.1f%% | %.1f%% | %.1f%% | %d of %d | %d of %d |%n",
                name, length.label, 100.0 * s.correct / s.n, 100.0 * s.unknown / s.n, 100.0 * s.wrong / s.n,
                s.nonEnglishAsEnglish, nonEnglish, s.englishNotEnglish, english));
        return s;
    }

    private static void speed(StringBuilder out, String name, List<Item> sample, Function<String, String> detect) {
        for (Item i : sample) {
            detect.apply(i.full());
        }
        int rounds = 3;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Item i : sample) {
                detect.apply(i.full());
            }
        }
        double perArticle = (System.nanoTime() - start) / 1e3 / (rounds * sample.size());
        out.append(String.format(Locale.ROOT, "- %s: %.0f µs an article (%.0f articles/s)%n", name, perArticle,
                1e6 / perArticle));
    }
}
