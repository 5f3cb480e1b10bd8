package io.newsflow.enrich.lang;

import io.newsflow.events.Article;
import io.newsflow.events.EnrichedArticle;
import java.util.Locale;

/**
 * An article's language as the enricher resolves it: the language the article declares (a JSON article's
 * {@code language}, a feed's {@code <language>}), else the one {@link LanguageIdentifier} detects in its text, else
 * unknown (null).
 *
 * <p>Why detection belongs to enrich only, and ingest passes on only a declared language: enrich must tell a
 * declaration from a guess (a declaration wins over the detector; a guess written into {@code news.raw} by ingest
 * would look like one); the detector's profiles (about 1.5 s to load) load in the one stage that needs them, not
 * in every feed poller and watcher; there is one detector, named in {@code enricher_version}, and a replay of
 * {@code news.raw} detects again with the current one. Articles that an older ingest wrote with its stopword guess
 * in {@code language} are taken as declared.
 *
 * <p>The whole article is read (title, caption, body), never the title alone: on a title the detector is
 * unsure (docs/benchmarks.md, "Language detection").
 */
public record ArticleLanguage(String language, String source) {
    public static final ArticleLanguage UNKNOWN = new ArticleLanguage(null, null);

    public static ArticleLanguage resolve(Article article, LanguageIdentifier detector) {
        String declared = normalise(article.language());
        if (declared != null) {
            return new ArticleLanguage(declared, EnrichedArticle.DECLARED);
        }
        String detected = detector.identify(text(article));
        return detected == null ? UNKNOWN : new ArticleLanguage(detected, EnrichedArticle.DETECTED);
    }

    /**
     * A declared tag as ISO 639-1: "en-US", "EN" and "en_GB" are "en". A tag that does not start with two letters
     * ("english", "eng", "") is no declaration: the text decides.
     */
    public static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        String l = tag.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < l.length() && l.charAt(cut) != '-' && l.charAt(cut) != '_') {
            cut++;
        }
        l = l.substring(0, cut);
        return l.matches("[a-z]{2}") ? l : null;
    }

    static String text(Article a) {
        StringBuilder b = new StringBuilder(a.title());
        if (a.caption() != null && !a.caption().isBlank()) {
            b.append('\n').append(a.caption());
        }
        String body = a.body();
        int room = Math.max(0, NgramLanguageIdentifier.MAX_CHARS - b.length());
        return b.append('\n').append(body, 0, Math.min(body.length(), room)).toString();
    }
}
