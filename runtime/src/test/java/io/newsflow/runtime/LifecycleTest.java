package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one lifecycle of long-running commands, on stages made for the test. */
class LifecycleTest {
    @Test
    void aStageThatEndsCleanlyExitsZeroAndHoldsTheReadyFileOnlyWhileRunning(@TempDir Path dir) {
        Path ready = dir.resolve("ready");
        AtomicBoolean readyWhileRunning = new AtomicBoolean();
        int code = Lifecycle.run("test", null, new Lifecycle.Stage() {
            @Override
            public Throwable run() {
                readyWhileRunning.set(Files.exists(ready));
                return null;
            }

            @Override
            public void stop() {
            }
        }, Duration.ofSeconds(1), ready);
        assertEquals(Exit.OK, code);
        assertTrue(readyWhileRunning.get(), "the ready file exists while the stage runs");
        assertFalse(Files.exists(ready), "and is gone once it stopped");
    }

    @Test
    void aStageThatFailsExitsOne() {
        int code = Lifecycle.run("test", null, new Lifecycle.Stage() {
            @Override
            public Throwable run() {
                return new IllegalStateException("disk full");
            }

            @Override
            public void stop() {
            }
        }, Duration.ofSeconds(1), null);
        assertEquals(Exit.FAILED, code);
    }

    @Test
    void aStageThatCannotStartIsAStartupError(@TempDir Path dir) {
        Path ready = dir.resolve("ready");
        StartupException e = assertThrows(StartupException.class, () -> Lifecycle.run("test", null,
                new Lifecycle.Stage() {
                    @Override
                    public void start(Duration timeout) {
                        throw new IllegalStateException("did not reach RUNNING within " + timeout.toSeconds() + " s");
                    }

                    @Override
                    public Throwable run() {
                        throw new AssertionError("never runs");
                    }

                    @Override
                    public void stop() {
                    }
                }, Duration.ofSeconds(7), ready));
        assertEquals("did not reach RUNNING within 7 s", e.getMessage());
        assertFalse(Files.exists(ready));
    }

    @Test
    void anUncaughtErrorInAnyThreadStopsTheStageAndFailsTheRun() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        int code = Lifecycle.run("test", null, new Lifecycle.Stage() {
            @Override
            public Throwable run() throws InterruptedException {
                Thread worker = new Thread(() -> {
                    throw new IllegalStateException("worker died");
                }, "test-worker");
                worker.start();
                // The stage's own loop: it ends only when stopped, as a poll loop would.
                assertTrue(stopped.await(30, TimeUnit.SECONDS), "the lifecycle stopped the stage");
                return null;
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        }, Duration.ofSeconds(1), null);
        assertEquals(Exit.FAILED, code, "an uncaught error is a failure even though the loop ended normally");
    }
}
