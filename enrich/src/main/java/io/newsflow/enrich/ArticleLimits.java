package io.newsflow.enrich;

import io.newsflow.events.Article;
import io.newsflow.events.InvalidEventException;
import io.newsflow.events.TextField;

/**
 * What an article may hold before enrich refuses it: a body of at most {@code maxBodyBytes} UTF-8 bytes (default
 * 1 MB), no control characters other than tab and line breaks, and text rather than HTML markup (ingest extracts
 * text from HTML; markup here would give entities like "Div" and meaningless offsets). Refused articles go to the dead-letter topic
 * with the reason, so an oversized or binary-laden record can neither stall the stream nor blow up its output.
 */
public record ArticleLimits(int maxBodyBytes) {
    /** The limit ingest applies before sending, so by default enrich refuses nothing ingest accepted. */
    public static final int DEFAULT_MAX_BODY_BYTES = io.newsflow.events.ArticleSize.MAX_BODY_BYTES;
    public static final ArticleLimits DEFAULTS = new ArticleLimits(DEFAULT_MAX_BODY_BYTES);

    public ArticleLimits {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max body bytes must be positive: " + maxBodyBytes);
        }
    }

    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile(
            "(?is)\\s*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>]).*");
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(
            "</?(p|div|span|a|br|img|script|style|table|tr|td|li|ul|h[1-6])(\\s[^>]*)?/?>",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    public void check(Article a) {
        long bytes = utf8Length(a.body());
        if (bytes > maxBodyBytes) {
            throw new InvalidEventException("body of " + bytes + " bytes is over the limit of " + maxBodyBytes
                    + " bytes");
        }
        for (TextField field : TextField.values()) {
            String text = a.field(field);
            if (text == null) {
                continue;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    throw new InvalidEventException(String.format("control character U+%04X in %s at offset %d",
                            (int) c, field.json(), i));
                }
            }
        }
        if (looksLikeHtml(a.body())) {
            throw new InvalidEventException("body is HTML markup, not text: extract the text before publishing");
        }
    }

    /** A document start, or more than one HTML tag per 200 characters of text. */
    static boolean looksLikeHtml(String body) {
        if (HTML_START.matcher(body.length() > 200 ? body.substring(0, 200) : body).matches()) {
            return true;
        }
        java.util.regex.Matcher m = TAG.matcher(body);
        int tags = 0;
        while (m.find()) {
            tags++;
        }
        return tags >= 3 && tags * 200 > body.length();
    }

    static long utf8Length(String s) {
        return io.newsflow.events.ArticleSize.utf8Length(s);
    }
}
