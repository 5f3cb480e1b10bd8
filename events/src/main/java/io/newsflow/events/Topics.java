package io.newsflow.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of newsflow topics and their formats, shared by every stage. Each name has a default and can be
 * changed through configuration ({@code topic.raw}, {@code topic.enriched}, {@code topic.label.prefix},
 * {@code topic.dlq}, {@code topic.mentions}, {@code topic.country.prefix}). Every value is UTF-8 JSON; subscribers
 * read with {@code isolation.level=read_committed}.
 *
 * <table>
 * <tr><th>topic (default)</th><th>key</th><th>value</th></tr>
 * <tr><td>{@code news.raw}</td><td>article id, UTF-8 string</td><td>{@link Article} JSON, schema_version 1
 *     ({@code schemas/article-v1.schema.json})</td></tr>
 * <tr><td>{@code news.enriched}</td><td>article id</td><td>{@link EnrichedArticle} JSON, schema_version 1
 *     ({@code schemas/enriched-article-v1.schema.json})</td></tr>
 * <tr><td>{@code news.topic.<label>}</td><td>article id</td><td>the {@link EnrichedArticle}, only when its
 *     {@code labels} hold {@code <label>}</td></tr>
 * <tr><td>{@code news.mentions}</td><td>the entity's stable id ({@link EntityIds#stableId}: wikidata id, else
 *     {@code <type>:<folded name>})</td><td>{@link EntityMention} JSON, schema_version 1, one per entity per
 *     article ({@code schemas/entity-mention-v1.schema.json})</td></tr>
 * <tr><td>{@code news.country.<CC>} (optional, off by default)</td><td>article id</td><td>the
 *     {@link EnrichedArticle}, byte for byte, when one of its entities has {@code country} CC (ISO 3166-1
 *     alpha-2, upper case)</td></tr>
 * <tr><td>{@code news.dlq}</td><td>original key bytes</td><td>original value bytes; headers
 *     {@code __streams.errors.*} give the exception, reason, source topic, partition and offset</td></tr>
 * <tr><td>{@code news.trends}</td><td>the trend key: an entity's stable id ({@link EntityIds#stableId}),
 *     {@code label:<label>} or {@code country:<CC>}</td><td>{@link TrendEvent} JSON, schema_version 1, one per key
 *     and closed window (emit-final; {@code schemas/trend-v1.schema.json})</td></tr>
 * </table>
 */
public record Topics(String raw, String enriched, String labelPrefix, String dlq, String mentions,
                     String countryPrefix, String labelSuffix, String trends) {
    public static final String RAW_KEY = "topic.raw";
    public static final String ENRICHED_KEY = "topic.enriched";
    public static final String LABEL_PREFIX_KEY = "topic.label.prefix";
    public static final String DLQ_KEY = "topic.dlq";
    public static final String MENTIONS_KEY = "topic.mentions";
    public static final String COUNTRY_PREFIX_KEY = "topic.country.prefix";
    public static final String TRENDS_KEY = "topic.trends";
    public static final String DEFAULT_TRENDS = "news.trends";

    public static final Topics DEFAULTS = new Topics("news.raw", "news.enriched", "news.topic.", "news.dlq",
            "news.mentions", "news.country.");

    /** Country codes in topic names: ISO 3166-1 alpha-2, upper case, so data can never pick a topic name. */
    public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** The labels of the built-in taxonomy; their topics are created up front. */
    public static final List<String> DEFAULT_LABELS = List.of("diplomacy", "military", "energy");

    public static final JsonSerde<Article> ARTICLE_SERDE = new JsonSerde<>(Article.class, EventValidation::validate);
    public static final JsonSerde<EnrichedArticle> ENRICHED_SERDE =
            new JsonSerde<>(EnrichedArticle.class, EventValidation::validate);
    public static final JsonSerde<EntityMention> MENTION_SERDE =
            new JsonSerde<>(EntityMention.class, EntityMention::validate);
    public static final JsonSerde<TrendEvent> TREND_SERDE = new JsonSerde<>(TrendEvent.class, TrendEvent::validate);
    public static final Serde<String> KEY_SERDE = Serdes.String();

    private static final java.util.regex.Pattern SUFFIX = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** The first four names as given; the mentions and country topics keep their defaults. */
    public Topics(String raw, String enriched, String labelPrefix, String dlq) {
        this(raw, enriched, labelPrefix, dlq, "news.mentions", "news.country.");
    }

    /** The usual topics: label topics are {@code labelPrefix + label}, with no suffix. */
    public Topics(String raw, String enriched, String labelPrefix, String dlq, String mentions,
                  String countryPrefix) {
        this(raw, enriched, labelPrefix, dlq, mentions, countryPrefix, "");
    }

    /** As before the trends topic existed: it keeps its default name, {@value #DEFAULT_TRENDS}. */
    public Topics(String raw, String enriched, String labelPrefix, String dlq, String mentions,
                  String countryPrefix, String labelSuffix) {
        this(raw, enriched, labelPrefix, dlq, mentions, countryPrefix, labelSuffix, DEFAULT_TRENDS);
    }

    /** These topics with the trends stage writing to {@code name}. */
    public Topics withTrends(String name) {
        return new Topics(raw, enriched, labelPrefix, dlq, mentions, countryPrefix, labelSuffix, name);
    }

    /**
     * The outputs of a replay kept apart from the live ones: {@code news.enriched.SUFFIX},
     * {@code news.topic.<label>.SUFFIX} and {@code news.mentions.SUFFIX}; the raw and dead-letter topics stay the
     * same (country routing is off in a replay).
     */
    public Topics withOutputSuffix(String suffix) {
        if (suffix == null || !SUFFIX.matcher(suffix).matches()) {
            throw new InvalidEventException("output suffix must match " + SUFFIX.pattern() + ": '" + suffix + "'");
        }
        return new Topics(raw, enriched + "." + suffix, labelPrefix, dlq, mentions + "." + suffix, countryPrefix,
                labelSuffix + "." + suffix, trends);
    }

    /** Topic names from configuration; any name not given keeps its default. */
    public static Topics from(Map<String, String> config) {
        return new Topics(
                config.getOrDefault(RAW_KEY, DEFAULTS.raw),
                config.getOrDefault(ENRICHED_KEY, DEFAULTS.enriched),
                config.getOrDefault(LABEL_PREFIX_KEY, DEFAULTS.labelPrefix),
                config.getOrDefault(DLQ_KEY, DEFAULTS.dlq),
                config.getOrDefault(MENTIONS_KEY, DEFAULTS.mentions),
                config.getOrDefault(COUNTRY_PREFIX_KEY, DEFAULTS.countryPrefix))
                .withTrends(config.getOrDefault(TRENDS_KEY, DEFAULTS.trends));
    }

    /** The per-label topic; the label is checked so that data can never pick an arbitrary topic name. */
    public String labelTopic(String label) {
        return labelPrefix + EventValidation.requireLabel(label) + labelSuffix;
    }

    /** The per-country topic; the code must be ISO 3166-1 alpha-2 in upper case ({@link #COUNTRY}). */
    public String countryTopic(String countryCode) {
        return countryPrefix + requireCountry(countryCode);
    }

    /** The code itself when it matches {@link #COUNTRY}; otherwise an {@link InvalidEventException}. */
    public static String requireCountry(String countryCode) {
        if (countryCode == null || !COUNTRY.matcher(countryCode).matches()) {
            throw new InvalidEventException("invalid country code '" + countryCode
                    + "': country codes match " + COUNTRY.pattern());
        }
        return countryCode;
    }

    /** Every topic the pipeline writes or reads, for the given labels (country topics not included). */
    public List<String> all(Collection<String> labels) {
        return all(labels, List.of());
    }

    /** Every topic the pipeline writes or reads, for the given labels and country-routing allow-list. */
    public List<String> all(Collection<String> labels, Collection<String> countries) {
        List<String> names = new ArrayList<>(List.of(raw, enriched, dlq, mentions, trends));
        for (String label : labels) {
            names.add(labelTopic(label));
        }
        for (String country : countries) {
            names.add(countryTopic(country));
        }
        return names;
    }
}
