package io.newsflow.trends;

/**
 * A key's count in one window, with its kind. The display name is not kept here (it would be written once per
 * window, 29 windows a key): entities' names are in the entity index, labels' and countries' are in their keys.
 */
public record Tally(String type, long count) {
    public static final Tally EMPTY = new Tally(null, 0);

    public Tally add(Hit hit) {
        return new Tally(hit.type(), count + 1);
    }
}
