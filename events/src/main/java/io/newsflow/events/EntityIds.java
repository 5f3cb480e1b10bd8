package io.newsflow.events;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stable id of an entity, the key of {@code news.mentions}: its Wikidata id where a gazetteer links it, else
 * {@code <type lower case>:<folded canonical name>} (e.g. {@code person:nicolas-maduro}). A pure function of the
 * entity, so every article that names the same entity gives the same key and the same partition.
 */
public final class EntityIds {
    private static final Pattern WIKIDATA = Pattern.compile("Q[1-9][0-9]*");
    // Letters of every script stay (a Cyrillic or Arabic name keeps a readable id); everything else separates.
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private EntityIds() {
    }

    public static String stableId(Entity entity) {
        if (entity.wikidata() != null && WIKIDATA.matcher(entity.wikidata()).matches()) {
            return entity.wikidata();
        }
        return slugId(entity.type(), entity.name());
    }

    /** {@code <type>:<fold(name)>}; a name with no letter or digit at all falls back to a hash of its text. */
    public static String slugId(EntityType type, String name) {
        String folded = fold(name);
        if (folded.isEmpty()) {
            byte[] utf8 = String.valueOf(name).getBytes(StandardCharsets.UTF_8);
            folded = "h" + HexFormat.of().formatHex(utf8, 0, Math.min(utf8.length, 16));
        }
        return type.name().toLowerCase(Locale.ROOT) + ":" + folded;
    }

    /**
     * NFKD with the accents dropped, lower case, every run of other characters turned into one '-', no '-' at the
     * ends: "Nicolás Maduro" → "nicolas-maduro". Also how subscribers compare names case- and accent-blind.
     */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        String s = SEPARATORS.matcher(TextFold.withoutAccents(name).toLowerCase(Locale.ROOT)).replaceAll("-");
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }
}
