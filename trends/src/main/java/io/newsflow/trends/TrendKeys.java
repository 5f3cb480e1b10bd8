package io.newsflow.trends;

import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which trend keys one article counts for, each once: every distinct entity (its stable id, as on news.mentions),
 * {@code label:<label>} for each label and {@code country:<CC>} for each country of its linked entities.
 */
public final class TrendKeys {
    public static final String LABEL_PREFIX = "label:";
    public static final String COUNTRY_PREFIX = "country:";
    private static final java.util.Set<String> ISO_COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    private TrendKeys() {
    }

    /** Key to hit, in the article's order: entities first, then labels, then countries. */
    public static Map<String, Hit> of(EnrichedArticle a) {
        Map<String, Hit> out = new LinkedHashMap<>();
        // The time the article is counted at: its publish time, else its ingest time.
        ArticleRef ref = new ArticleRef(a.id(), a.title(), java.time.Instant.ofEpochMilli(PublishTime.of(a, 0)),
                a.labels());
        TreeSet<String> countries = new TreeSet<>();
        for (Entity e : a.entities()) {
            // Two entities of one article can share a Wikidata id: the article counts once for it.
            out.putIfAbsent(EntityIds.stableId(e), new Hit(e.type().name(), e.name(), ref));
            if (e.country() != null && io.newsflow.events.Topics.COUNTRY.matcher(e.country()).matches()) {
                countries.add(e.country());
            }
        }
        for (String label : new TreeSet<>(a.labels())) {
            out.putIfAbsent(LABEL_PREFIX + label, new Hit("LABEL", label, null));
        }
        for (String cc : countries) {
            out.putIfAbsent(COUNTRY_PREFIX + cc, new Hit("COUNTRY", cc, null));
        }
        return out;
    }

    /**
     * The display name of a label's key (the label) or a country's (its English name, "United States" for
     * {@code country:US}, so a reader need not know the codes; the code where the JDK has no name); null for an
     * entity's, whose name is in the entity index.
     */
    public static String nameOf(String key) {
        if (key.startsWith(LABEL_PREFIX)) {
            return key.substring(LABEL_PREFIX.length());
        }
        if (key.startsWith(COUNTRY_PREFIX)) {
            String code = key.substring(COUNTRY_PREFIX.length());
            return ISO_COUNTRIES.contains(code)
                    ? new java.util.Locale("", code).getDisplayCountry(java.util.Locale.ENGLISH) : code;
        }
        return null;
    }

    /** Whether the key is an entity's (the ones with an {@link EntityInfo}). */
    public static boolean isEntity(String key) {
        return !key.startsWith(LABEL_PREFIX) && !key.startsWith(COUNTRY_PREFIX);
    }
}
