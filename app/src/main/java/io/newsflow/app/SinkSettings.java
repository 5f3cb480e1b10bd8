package io.newsflow.app;

import io.newsflow.sink.RotationPolicy;
import java.time.Duration;

/** The sink stage's own settings, read from the layered {@link Settings} with a clear error for bad values. */
final class SinkSettings {
    static final String ROTATE_RECORDS = "newsflow.sink.rotate.records";
    static final String ROTATE_EVENT_TIME = "newsflow.sink.rotate.event.time";
    static final String MAX_WAIT = "newsflow.sink.max.wait";

    private SinkSettings() {
    }

    static RotationPolicy rotation(Settings s) {
        RotationPolicy d = RotationPolicy.DEFAULTS;
        try {
            int records = s.get(ROTATE_RECORDS) == null ? d.maxRecords() : Integer.parseInt(s.get(ROTATE_RECORDS));
            return new RotationPolicy(records, duration(s, ROTATE_EVENT_TIME, d.eventTimeBucket()),
                    duration(s, MAX_WAIT, d.maxWait()));
        } catch (IllegalArgumentException e) {
            throw new StartupException("bad sink rotation setting: " + e.getMessage(), e);
        }
    }

    private static Duration duration(Settings s, String key, Duration fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        return Durations.parse(v, key);
    }
}
