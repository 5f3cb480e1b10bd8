package io.newsflow.events;

import java.util.Map;

/**
 * What a stage counts as it works (articles in and out, dead letters by reason, what enrichment found, files
 * written), without tying the stages' pure logic to a metrics library: the runtime supplies a real one, tests and
 * tools get {@link #NONE}, which counts nothing.
 */
public interface StageMeters {
    /** The Streams setting that carries a stage's meters to its exception handlers (an object, not a string). */
    String CONFIG = "newsflow.stage.meters";

    /** Counts nothing. */
    StageMeters NONE = new StageMeters() {
        @Override
        public String toString() {
            return "no meters";
        }
    };

    /** A record read from the stage's input (counted whether it turns out readable or not). */
    default void articleIn() {
    }

    /** A record the stage finished and wrote on. */
    default void articleOut() {
    }

    /** A record sent to the dead-letter topic; {@code reason} is the exception's simple class name. */
    default void deadLetter(String reason) {
    }

    /** Enrich: one article enriched in {@code nanos}. */
    default void enriched(EnrichedArticle event, long nanos) {
    }

    /** Sink: one file written (renamed into place) of {@code bytes}. */
    default void fileWritten(long bytes) {
    }

    /** The meters a Streams stage put in its settings under {@link #CONFIG}, or {@link #NONE}. */
    static StageMeters from(Map<String, ?> config) {
        Object m = config == null ? null : config.get(CONFIG);
        return m instanceof StageMeters meters ? meters : NONE;
    }

    /** The reason tag of an exception: its simple class name, as bounded as the code's exception types. */
    static String reason(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }
}
