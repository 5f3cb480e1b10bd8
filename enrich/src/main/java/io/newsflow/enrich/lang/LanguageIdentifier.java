package io.newsflow.enrich.lang;

/**
 * Says which language a text is written in. Pure, deterministic and thread-safe: the same text gives the same
 * answer on every call and every thread, which replay relies on. No Kafka types.
 */
public interface LanguageIdentifier {
    /** The ISO 639-1 code of the text's language, or null when it cannot tell with enough confidence. */
    String identify(String text);

    /** Names the identifier and its setting, for {@code enricher_version}. */
    String version();
}
