package io.newsflow.runtime.config;

import io.newsflow.runtime.StartupException;
import io.newsflow.sink.RotationPolicy;

/** The sink stage's own settings, typed by {@link NewsflowConfig} and read from the layered {@link Settings}. */
public final class SinkSettings {
    private SinkSettings() {
    }

    /** When the file sink closes a segment; a bad value stops start-up naming the three keys and their origins. */
    public static RotationPolicy rotation(Settings s) {
        try {
            return new RotationPolicy(s.getInt(NewsflowConfig.ROTATE_RECORDS),
                    s.getDuration(NewsflowConfig.ROTATE_EVENT_TIME), s.getDuration(NewsflowConfig.MAX_WAIT));
        } catch (IllegalArgumentException e) {
            throw new StartupException("bad sink rotation setting (" + NewsflowConfig.ROTATE_RECORDS + " from "
                    + s.origin(NewsflowConfig.ROTATE_RECORDS) + ", " + NewsflowConfig.ROTATE_EVENT_TIME + " from "
                    + s.origin(NewsflowConfig.ROTATE_EVENT_TIME) + ", " + NewsflowConfig.MAX_WAIT + " from "
                    + s.origin(NewsflowConfig.MAX_WAIT) + "): " + e.getMessage(), e);
        }
    }
}
