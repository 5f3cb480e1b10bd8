package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Derives the stable article id from normalised content, so the same article read twice (another file name, other
 * line endings, other spacing or case) gets the same id and therefore the same Kafka key.
 */
public final class ArticleIds {
    private ArticleIds() {
    }

    /** 16 hex digits (64 bits) of SHA-256 over the normalised title and body. */
    public static String of(String title, String body) {
        return hash(normalise(title) + "\n" + normalise(body));
    }

    /**
     * The id of a feed item that has a link: 16 hex digits of SHA-256 over {@code "url\n"} and the canonical URL
     * (see {@code feed.CanonicalUrl}), so an item whose text is edited later keeps its id. The prefix keeps URL ids
     * apart from content ids.
     */
    public static String ofUrl(String canonicalUrl) {
        return hash("url\n" + canonicalUrl);
    }

    private static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Typographic quotes and dashes vary between copies of one article.
        s = s.replaceAll("[\u2018\u2019\u201A\u201B\u2032]", "'").replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"")
                .replaceAll("[\u2010-\u2015\u2212]", "-");
        return s.replaceAll("\\s+", " ").strip();
    }
}
