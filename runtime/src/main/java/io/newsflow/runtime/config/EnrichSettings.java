package io.newsflow.runtime.config;

import io.newsflow.runtime.StartupException;
import io.newsflow.enrich.ArticleLimits;
import io.newsflow.enrich.EnrichTopology;

/** The enrich stage's own settings, typed by {@link NewsflowConfig} and read from the layered {@link Settings}. */
public final class EnrichSettings {
    private EnrichSettings() {
    }

    /** Dedup on or off and its window; a bad value stops start-up naming the key and where it was set. */
    public static EnrichTopology.Options options(Settings s) {
        try {
            return new EnrichTopology.Options(s.getBoolean(NewsflowConfig.DEDUP_ENABLED),
                    s.getDuration(NewsflowConfig.DEDUP_WINDOW));
        } catch (IllegalArgumentException e) {
            throw new StartupException(s.origin(NewsflowConfig.DEDUP_WINDOW) + ", key " + NewsflowConfig.DEDUP_WINDOW
                    + ": " + e.getMessage(), e);
        }
    }

    /** The largest article body enrich accepts; a bad value stops start-up naming the key and where it was set. */
    public static ArticleLimits limits(Settings s) {
        try {
            return new ArticleLimits(s.getInt(NewsflowConfig.MAX_BODY_BYTES));
        } catch (IllegalArgumentException e) {
            throw new StartupException(s.origin(NewsflowConfig.MAX_BODY_BYTES) + ", key "
                    + NewsflowConfig.MAX_BODY_BYTES + ": " + e.getMessage(), e);
        }
    }
}
