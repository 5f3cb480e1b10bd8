package io.newsflow.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of newsflow topics and their formats, shared by every stage. Each name has a default and can be
 * changed through configuration ({@code topic.raw}, {@code topic.enriched}, {@code topic.label.prefix},
 * {@code topic.dlq}). Every value is UTF-8 JSON; subscribers read with {@code isolation.level=read_committed}.
 *
 * <table>
 * <tr><th>topic (default)</th><th>key</th><th>value</th></tr>
 * <tr><td>{@code news.raw}</td><td>article id, UTF-8 string</td><td>{@link Article} JSON, schema_version 1
 *     ({@code schemas/article-v1.schema.json})</td></tr>
 * <tr><td>{@code news.enriched}</td><td>article id</td><td>{@link EnrichedArticle} JSON, schema_version 1
 *     ({@code schemas/enriched-article-v1.schema.json})</td></tr>
 * <tr><td>{@code news.topic.<label>}</td><td>article id</td><td>the {@link EnrichedArticle}, only when its
 *     {@code labels} hold {@code <label>}</td></tr>
 * <tr><td>{@code news.dlq}</td><td>original key bytes</td><td>original value bytes; headers
 *     {@code __streams.errors.*} give the exception, reason, source topic, partition and offset</td></tr>
 * </table>
 */
public record Topics(String raw, String enriched, String labelPrefix, String dlq, String labelSuffix) {
    public static final String RAW_KEY = "topic.raw";
    public static final String ENRICHED_KEY = "topic.enriched";
    public static final String LABEL_PREFIX_KEY = "topic.label.prefix";
    public static final String DLQ_KEY = "topic.dlq";

    public static final Topics DEFAULTS = new Topics("news.raw", "news.enriched", "news.topic.", "news.dlq");

    /** The labels of the built-in taxonomy; their topics are created up front. */
    public static final List<String> DEFAULT_LABELS = List.of("diplomacy", "military", "energy");

    public static final JsonSerde<Article> ARTICLE_SERDE = new JsonSerde<>(Article.class, EventValidation::validate);
    public static final JsonSerde<EnrichedArticle> ENRICHED_SERDE =
            new JsonSerde<>(EnrichedArticle.class, EventValidation::validate);
    public static final Serde<String> KEY_SERDE = Serdes.String();

    private static final java.util.regex.Pattern SUFFIX = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** The usual topics: label topics are {@code labelPrefix + label}. */
    public Topics(String raw, String enriched, String labelPrefix, String dlq) {
        this(raw, enriched, labelPrefix, dlq, "");
    }

    /**
     * The outputs of a replay kept apart from the live ones: {@code news.enriched.SUFFIX} and
     * {@code news.topic.<label>.SUFFIX}; the raw and dead-letter topics stay the same.
     */
    public Topics withOutputSuffix(String suffix) {
        if (suffix == null || !SUFFIX.matcher(suffix).matches()) {
            throw new InvalidEventException("output suffix must match " + SUFFIX.pattern() + ": '" + suffix + "'");
        }
        return new Topics(raw, enriched + "." + suffix, labelPrefix, dlq, labelSuffix + "." + suffix);
    }

    /** Topic names from configuration; any name not given keeps its default. */
    public static Topics from(Map<String, String> config) {
        return new Topics(
                config.getOrDefault(RAW_KEY, DEFAULTS.raw),
                config.getOrDefault(ENRICHED_KEY, DEFAULTS.enriched),
                config.getOrDefault(LABEL_PREFIX_KEY, DEFAULTS.labelPrefix),
                config.getOrDefault(DLQ_KEY, DEFAULTS.dlq));
    }

    /** The per-label topic; the label is checked so that data can never pick an arbitrary topic name. */
    public String labelTopic(String label) {
        return labelPrefix + EventValidation.requireLabel(label) + labelSuffix;
    }

    /** Every topic the pipeline writes or reads, for the given labels. */
    public List<String> all(Collection<String> labels) {
        List<String> names = new ArrayList<>(List.of(raw, enriched, dlq));
        for (String label : labels) {
            names.add(labelTopic(label));
        }
        return names;
    }
}
