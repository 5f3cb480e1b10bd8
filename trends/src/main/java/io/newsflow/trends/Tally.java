package io.newsflow.trends;

/** A key's count in one window, with its kind and display name (the latest seen: canonical names can improve). */
public record Tally(String type, String name, long count) {
    public static final Tally EMPTY = new Tally(null, null, 0);

    public Tally add(Hit hit) {
        return new Tally(hit.type(), hit.name(), count + 1);
    }
}
