package io.newsflow.runtime.metrics;

import io.newsflow.runtime.http.HttpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The health and metrics routes on an HTTP endpoint: {@code /health/live} answers 200 while the process serves,
 * {@code /health/ready} 200 or 503 with the stage's readiness as JSON, {@code /metrics} the Prometheus text.
 * Any process with an endpoint (a stage, the demo) registers them with {@link #register}.
 */
public final class HealthRoutes {
    /** Prometheus' text exposition format. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private HealthRoutes() {
    }

    /** Adds the three routes; {@code readiness} is asked on each request to {@code /health/ready}. */
    public static HttpEndpoint register(HttpEndpoint endpoint, ProcessMetrics metrics, Supplier<Readiness> readiness) {
        endpoint.route("/health/live", exchange -> HttpEndpoint.sendJson(exchange, 200, Map.of("live", true)));
        endpoint.route("/health/ready", exchange -> {
            Readiness r = readiness.get();
            HttpEndpoint.sendJson(exchange, r.ready() ? 200 : 503, r.body());
        });
        endpoint.route("/metrics", exchange -> HttpEndpoint.send(exchange, 200, PROMETHEUS_TEXT,
                metrics.scrape().getBytes(StandardCharsets.UTF_8)));
        return endpoint;
    }
}
