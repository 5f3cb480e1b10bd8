package io.newsflow.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.runtime.StartupException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A monitor without Kafka: the routes of a source stage (continuous ingest), its counts read from the stage's own
 * counters, no HTTP without an address, and a taken address refused at start.
 */
class StageMonitorTest {
    @Test
    void sourceStageRoutesAndCounts() throws Exception {
        AtomicLong published = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        try (StageMonitor monitor = StageMonitor.start("ingest", "127.0.0.1:0", 10)) {
            assertEquals(200, StageMetricsIntegrationTest.get(monitor, "/health/live").statusCode());
            assertEquals(503, StageMetricsIntegrationTest.get(monitor, "/health/ready").statusCode());
            monitor.meters().countedBy(() -> published.get() + rejected.get(), published::get, rejected::get);
            monitor.running();
            assertEquals(200, StageMetricsIntegrationTest.get(monitor, "/health/ready").statusCode());

            published.set(3);
            rejected.set(1);
            PrometheusText m = StageMetricsIntegrationTest.metrics(monitor);
            Map<String, String> ingest = Map.of("stage", "ingest");
            assertEquals(4, m.value("newsflow_articles_in_total", ingest));
            assertEquals(3, m.value("newsflow_articles_out_total", ingest));
            assertEquals(1, m.value("newsflow_ingest_rejected_total", ingest));
            assertTrue(Double.isNaN(m.value("newsflow_consumer_lag", ingest)), "a source has no lag");
            assertTrue(Double.isNaN(m.value("newsflow_enrich_duration_seconds_count", ingest)), "nor enrich meters");
            assertTrue(m.families().contains("jvm_threads_live_threads"));
            assertEquals(new ProgressLine.Totals(4, 3, 1, java.util.OptionalLong.empty(), true),
                    monitor.meters().totals());
        }
    }

    @Test
    void noAddressNoHttp() {
        try (StageMonitor monitor = StageMonitor.start("enrich", "", 10)) {
            assertNull(monitor.endpoint());
            assertEquals("starting", monitor.readiness().reason());
        }
    }

    @Test
    void takenAddressIsAStartupFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            StartupException e = assertThrows(StartupException.class, () -> StageMonitor.start("sink", address, 10));
            assertTrue(e.getMessage().startsWith("cannot serve HTTP on " + address), e.getMessage());
        }
    }
}
