package io.newsflow.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lifecycle of every long-running command (enrich, sink, continuous ingest, subscribe): a shutdown hook
 * that stops the stage and waits for it to finish, a start with a deadline (exit 3 if missed), an uncaught-exception
 * handler that stops the stage instead of leaving it half alive, the ready file while it runs, and an exit code from
 * how it ended (0 stopped cleanly, 1 failed).
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    /** How long the shutdown hook waits for the stage to finish what it was doing (a poll, a file, a commit). */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private Lifecycle() {
    }

    /** A long-running stage as the lifecycle drives it. */
    public interface Stage {
        /** Until the stage is ready to work, within {@code timeout}; an IllegalStateException says why not. */
        default void start(Duration timeout) throws Exception {
        }

        /** Works until stopped (in this thread or by waiting on the stage's own); the error that ended it, or null. */
        Throwable run() throws Exception;

        /** Makes {@link #run} return soon; called from the shutdown hook or after an uncaught exception. */
        void stop() throws Exception;
    }

    /** A stage that works on threads of its own (Kafka Streams): running is waiting for it, stopping is closing. */
    public interface Service extends Stage, AutoCloseable {
        /** Blocks until the service stops; the error that stopped it, or null after a clean close. */
        Throwable awaitStop() throws InterruptedException;

        @Override
        default Throwable run() throws InterruptedException {
            return awaitStop();
        }

        @Override
        default void stop() throws Exception {
            close();
        }
    }

    /** Enrich and the sink: the Streams service's start, wait and close, with its start-up deadline and ready file. */
    public static int runUntilStopped(String name, Stage stage, long startupSeconds, Path readyFile) {
        return run(name, "newsflow " + name + " running; SIGTERM or Ctrl-C stops it", stage,
                Duration.ofSeconds(startupSeconds), readyFile);
    }

    /**
     * Runs {@code stage} to its end. {@code runningLine} goes to standard output once it has started (null: nothing,
     * for a command whose standard output is its data, such as subscribe).
     */
    public static int run(String name, String runningLine, Stage stage, Duration startup, Path readyFile) {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            deleteReadyFile(readyFile);
            stopQuietly(name, stage);
            try {
                if (!finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.err.println("newsflow " + name + ": still stopping after " + STOP_WAIT.toSeconds()
                            + " s; exiting");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.error("{}: unhandled error in thread {}; stopping", name, thread.getName(), e);
            uncaught.compareAndSet(null, e);
            stopQuietly(name, stage);
        });
        try {
            try {
                stage.start(startup);
            } catch (IllegalStateException e) {
                throw new StartupException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(name + ": interrupted while starting", e);
            } catch (StartupException e) {
                // Usage errors are the command's to find before it calls run (this module has no picocli).
                throw e;
            } catch (Exception e) {
                throw new StartupException(name + " could not start: " + e.getMessage(), e);
            }
            if (runningLine != null) {
                System.out.println(runningLine);
            }
            writeReadyFile(name, readyFile);
            Throwable failure;
            try {
                failure = stage.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = null;
            } catch (Exception e) {
                failure = e;
            }
            if (failure == null) {
                failure = uncaught.get();
            }
            deleteReadyFile(readyFile);
            if (failure != null) {
                System.err.println("newsflow " + name + " stopped: " + failure.getMessage());
                return Exit.FAILED;
            }
            return Exit.OK;
        } finally {
            finished.countDown();
            Thread.setDefaultUncaughtExceptionHandler(previous);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it only waits for the latch released above.
            }
        }
    }

    private static void stopQuietly(String name, Stage stage) {
        try {
            stage.stop();
        } catch (Exception e) {
            System.err.println("newsflow " + name + ": error while stopping: " + e.getMessage());
        }
    }

    private static void writeReadyFile(String name, Path readyFile) {
        if (readyFile != null) {
            try {
                Files.writeString(readyFile, name + " running\n");
            } catch (IOException e) {
                throw new StartupException("cannot write ready file " + readyFile + ": " + e.getMessage(), e);
            }
        }
    }

    /** The ready file tells a container health check that the stage is running; it goes when the stage stops. */
    private static void deleteReadyFile(Path readyFile) {
        if (readyFile != null) {
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException ignored) {
                // Nothing to do: a stale ready file only misleads a health check of a stopped process.
            }
        }
    }
}
