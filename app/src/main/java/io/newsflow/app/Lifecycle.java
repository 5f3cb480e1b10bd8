package io.newsflow.app;

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
    public static int runUntilStopped(String name, Starter start, Waiter await, Closer close, long startupSeconds)
            throws InterruptedException {
        Thread hook = new Thread(() -> {
            try {
                close.close();
            } catch (Exception e) {
                System.err.println("newsflow " + name + ": error while stopping: " + e.getMessage());
            }
        }, "newsflow-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            start.start(Duration.ofSeconds(startupSeconds));
        } catch (IllegalStateException e) {
            throw new Newsflow.StartupException(e.getMessage(), e);
        }
        System.out.println("newsflow " + name + " running; SIGTERM or Ctrl-C stops it");
        Throwable failure = await.await();
        if (failure != null) {
            System.err.println("newsflow " + name + " stopped: " + failure.getMessage());
            return Newsflow.FAILED;
        }
        return Newsflow.OK;
    }
}
