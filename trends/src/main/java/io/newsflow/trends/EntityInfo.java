package io.newsflow.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the stage keeps per entity outside the windows: name, type, how many articles named it in all (since the
 * stage's state began) and its latest articles, newest publish time first, at most {@code limit}: an article id
 * counts once, so a re-delivered or replayed article changes nothing.
 */
public record EntityInfo(String id, String name, String type, long total, List<ArticleRef> articles) {
    private static final Comparator<ArticleRef> NEWEST_FIRST = Comparator
            .comparing(ArticleRef::published, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ArticleRef::id);

    public EntityInfo {
        articles = List.copyOf(articles);
    }

    /** This entity after one more article; unchanged when the article is already in the list. */
    public static EntityInfo add(EntityInfo before, String id, Hit hit, int limit) {
        ArticleRef a = hit.article();
        if (before == null) {
            return new EntityInfo(id, hit.name(), hit.type(), 1, a == null ? List.of() : List.of(a));
        }
        if (a != null && before.articles.stream().anyMatch(x -> x.id().equals(a.id()))) {
            return before;
        }
        List<ArticleRef> list = new ArrayList<>(before.articles);
        if (a != null) {
            list.add(a);
            list.sort(NEWEST_FIRST);
            if (list.size() > limit) {
                list = list.subList(0, limit);
            }
        }
        return new EntityInfo(id, hit.name(), hit.type(), before.total + 1, list);
    }
}
