package io.newsflow.runtime.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whether a stage should get traffic: its Streams client is RUNNING and its consumer lag is within
 * {@code maxLag} records. A stage with no partitions (more instances than partitions) is ready: it is idle, not broken.
 */
public record Readiness(boolean ready, String reason, Map<String, Object> body) {
    /** The default bound on consumer lag for readiness. */
    public static final long DEFAULT_MAX_LAG = 10_000;

    /** A stage without a consumer of its own (continuous ingest) once it has started. */
    public static Readiness running(String stage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage);
        body.put("state", "RUNNING");
        body.put("ready", true);
        return new Readiness(true, null, body);
    }

    /** Before the stage has a client to ask. */
    public static Readiness starting(String stage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage);
        body.put("state", "STARTING");
        body.put("ready", false);
        body.put("reason", "starting");
        return new Readiness(false, "starting", body);
    }

    /** The rule, from what the Streams client says: its state, its assigned partitions and their lag. */
    public static Readiness of(String stage, String state, List<String> assignment, OptionalLong lag, long maxLag) {
        String reason = null;
        if (!"RUNNING".equals(state)) {
            reason = "state is " + state + ", not RUNNING";
        } else if (lag.isPresent() && lag.getAsLong() > maxLag) {
            reason = "consumer lag " + lag.getAsLong() + " is over " + maxLag;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage);
        body.put("state", state);
        body.put("ready", reason == null);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("assignment", assignment);
        body.put("lag", lag.isPresent() ? lag.getAsLong() : null);
        body.put("max_lag", maxLag);
        return new Readiness(reason == null, reason, body);
    }

    /** Several stages in one process: ready when every one is, with each stage's body under {@code stages}. */
    public static Readiness all(List<Readiness> stages) {
        List<String> notReady = stages.stream().filter(r -> !r.ready())
                .map(r -> r.body().get("stage") + ": " + r.reason()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", notReady.isEmpty());
        if (!notReady.isEmpty()) {
            body.put("reason", String.join("; ", notReady));
        }
        body.put("stages", stages.stream().map(Readiness::body).toList());
        return new Readiness(notReady.isEmpty(), notReady.isEmpty() ? null : String.join("; ", notReady), body);
    }
}
