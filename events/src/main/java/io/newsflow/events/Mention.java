package io.newsflow.events;

/**
 * One occurrence of an entity: {@code article.field(field).substring(start, end)} is the surface text. Offsets are
 * UTF-16 code-unit indexes, the same as Java's and JavaScript's string indexes.
 */
public record Mention(TextField field, int start, int end) {
    public Mention {
        if (field == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad mention span " + field + " [" + start + "," + end + ")");
        }
    }
}
