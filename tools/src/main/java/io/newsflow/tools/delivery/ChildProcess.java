package io.newsflow.tools.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A newsflow subcommand run as a separate JVM on this JVM's class path, so it can be killed with SIGKILL and
 * started again: how verify-delivery crashes stages for real. Output goes to a log file per start.
 */
final class ChildProcess {
    /**
     * The newsflow command's main class, by name: it lives in the app module, which depends on this one, so tools
     * cannot refer to the class itself. The child runs on this JVM's class path, which holds app whenever
     * verify-delivery runs (from the newsflow command or app's tests). ChildProcessMainClassTest (app) checks the name.
     */
    static final String MAIN_CLASS = "io.newsflow.app.Newsflow";

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
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.add("-Xmx512m");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(MAIN_CLASS);
            cmd.addAll(args);
            starts++;
            Path log = logDir.resolve(name + "-" + starts + ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the child says it is ready (its ready file, or a line in its log). */
    void awaitReady(Duration timeout, String logLine) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = logDir.resolve(name + "-" + starts + ".log");
        while (true) {
            if (readyFile != null && Files.exists(readyFile)) {
                return;
            }
            if (logLine != null && logContains(log, logLine)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was "
                        + "ready; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private static boolean logContains(Path log, String line) {
        try {
            return Files.exists(log) && Files.readString(log).contains(line);
        } catch (IOException e) {
            return false;
        }
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
