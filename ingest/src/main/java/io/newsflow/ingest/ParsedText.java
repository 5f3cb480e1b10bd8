package io.newsflow.ingest;

/** The parts of a plain-text article file; {@code source} and {@code caption} are null when the text has none. */
public record ParsedText(String title, String caption, String body, String source, Integer copyrightYear) {
}
