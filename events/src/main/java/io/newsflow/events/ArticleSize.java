package io.newsflow.events;

/**
 * The one set of article size limits every stage agrees on: ingest refuses what is larger before sending, the raw
 * topic and the ingest producer accept at least that much, and enrich's default refuses nothing ingest sent.
 */
public final class ArticleSize {
    /** Largest article body, in UTF-8 bytes (ingest rejects, enrich dead-letters anything larger). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Largest serialised Article JSON ingest sends (title, caption and JSON escaping on top of the body). */
    public static final int MAX_RAW_VALUE_BYTES = 2 * 1024 * 1024;
    /**
     * The ingest producer's {@code max.request.size} and news.raw's {@code max.message.bytes}: the value limit plus
     * room for key, headers and batch overhead, so a record ingest accepts is never refused further on.
     */
    public static final int MAX_RAW_RECORD_BYTES = MAX_RAW_VALUE_BYTES + 64 * 1024;
    /**
     * Largest JSON Lines line, or .txt/.json file, that ingest reads at all: room for a maximal article written
     * with JSON escapes; anything longer is rejected unread, so a huge input never costs memory.
     */
    public static final int MAX_INPUT_BYTES = 8 * 1024 * 1024;

    private ArticleSize() {
    }

    /** UTF-8 length without encoding (an unpaired surrogate counts 3, as the encoder's replacement would). */
    public static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
