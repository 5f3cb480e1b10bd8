package io.newsflow.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The lifecycle every long-running stage follows: a named shutdown hook that closes it, a start that waits for
 * RUNNING with a deadline (exit 3 if not), then an exit code from how it ended (0 clean stop, 1 failure).
 */
final class Lifecycle {
    private Lifecycle() {
    }

    interface Starter {
        void start(Duration timeout) throws InterruptedException;
    }

    interface Waiter {
        Throwable await() throws InterruptedException;
    }

    interface Closer {
        void close() throws Exception;
    }

    /** Shared lifecycle of long-running stages: named shutdown hook, start with deadline, exit code from how it ended. */
    public static int runUntilStopped(String name, Starter start, Waiter await, Closer close, long startupSeconds,
                                      Path readyFile) throws InterruptedException {
        Thread hook = new Thread(() -> {
            try {
                deleteReadyFile(readyFile);
                close.close();
            } catch (Exception e) {
                System.err.println("newsflow " + name + ": error while stopping: " + e.getMessage());
            }
        }, "newsflow-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            start.start(Duration.ofSeconds(startupSeconds));
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage(), e);
        }
        System.out.println("newsflow " + name + " running; SIGTERM or Ctrl-C stops it");
        if (readyFile != null) {
            try {
                Files.writeString(readyFile, name + " running\n");
            } catch (IOException e) {
                throw new StartupException("cannot write ready file " + readyFile + ": " + e.getMessage(), e);
            }
        }
        Throwable failure = await.await();
        deleteReadyFile(readyFile);
        if (failure != null) {
            System.err.println("newsflow " + name + " stopped: " + failure.getMessage());
            return Exit.FAILED;
        }
        return Exit.OK;
    }

    /** The ready file tells a container health check that the stage is RUNNING; it goes when the stage stops. */
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
