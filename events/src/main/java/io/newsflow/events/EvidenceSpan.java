package io.newsflow.events;

/**
 * One phrase that raised (or, with a negative weight, lowered) a topic score, where the article says it:
 * {@code article.field(field).substring(start, end)} is {@code text}, in UTF-16 code units like entity mentions.
 */
public record EvidenceSpan(String text, TextField field, int start, int end, double weight) {
    public EvidenceSpan {
        if (text == null || field == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad evidence span '" + text + "' " + field + " [" + start + ","
                    + end + ")");
        }
    }
}
