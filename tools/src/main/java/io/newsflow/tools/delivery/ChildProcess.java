package io.newsflow.tools.delivery;

import io.newsflow.tools.jvm.NewsflowJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A newsflow subcommand run as a separate JVM on this JVM's class path, so it can be killed with SIGKILL and
 * started again: how verify-delivery crashes stages for real. Output goes to a log file per start.
 */
final class ChildProcess {
    private final String name;
    private final List<String> args;
    private final Path logDir;
    private final Path readyFile;
    private Process process;
    private int starts;

    ChildProcess(String name, Path logDir, Path readyFile, List<String> args) {
        this.name = name;
        this.args = args;
        this.logDir = logDir;
        this.readyFile = readyFile;
    }

    void start() {
        try {
            if (readyFile != null) {
                Files.deleteIfExists(readyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the ready file of " + name, e);
        }
        starts++;
        process = NewsflowJvm.start(name, List.of("-Xmx512m"), args, logDir.resolve(name + "-" + starts + ".log"));
    }

    /** Waits until the child says it is ready (its ready file, or a line in its log). */
    void awaitReady(Duration timeout, String logLine) throws InterruptedException {
        NewsflowJvm.awaitReady(process, name, logDir.resolve(name + "-" + starts + ".log"), readyFile, logLine,
                timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait for a clean exit. */
    void stop(Duration timeout) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Waits for the child to end by itself; kills it if it does not within {@code timeout}. */
    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }
}
