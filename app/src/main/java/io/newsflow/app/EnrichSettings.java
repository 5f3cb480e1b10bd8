package io.newsflow.app;

import io.newsflow.enrich.ArticleLimits;
import io.newsflow.enrich.EnrichTopology;
import java.time.Duration;

/** The enrich stage's own settings, read from the layered {@link Settings} with a clear error for bad values. */
final class EnrichSettings {
    static final String DEDUP_ENABLED = "newsflow.dedup.enabled";
    static final String DEDUP_WINDOW = "newsflow.dedup.window";
    static final String MAX_BODY_BYTES = "newsflow.max.body.bytes";

    private EnrichSettings() {
    }

    static EnrichTopology.Options options(Settings s) {
        String enabled = s.get(DEDUP_ENABLED);
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
            throw new StartupException(DEDUP_ENABLED + " must be true or false, not '" + enabled + "'", null);
        }
        Duration window = EnrichTopology.DEFAULT_DEDUP_WINDOW;
        String w = s.get(DEDUP_WINDOW);
        if (w != null) {
            try {
                window = Durations.parse(w, DEDUP_WINDOW);
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
        try {
            return new EnrichTopology.Options(!"false".equals(enabled), window);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    static ArticleLimits limits(Settings s) {
        String max = s.get(MAX_BODY_BYTES);
        if (max == null) {
            return ArticleLimits.DEFAULTS;
        }
        try {
            return new ArticleLimits(Integer.parseInt(max));
        } catch (IllegalArgumentException e) {
            throw new StartupException(MAX_BODY_BYTES + " must be a positive number of bytes, not '" + max
                    + "'", e);
        }
    }
}
