package io.newsflow.tools.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A newsflow subcommand started as a JVM of its own on this JVM's class path, its output in a log file: how
 * verify-delivery kills stages for real and how the pipeline bench reads one stage's CPU and memory from /proc.
 * One launcher and one readiness wait for both.
 */
public final class NewsflowJvm {
    /**
     * The newsflow command's main class, by name: it lives in the app module, which depends on this one, so tools
     * cannot refer to the class itself. The child runs on this JVM's class path, which holds app whenever the tools
     * run (from the newsflow command or app's tests). ChildProcessMainClassTest (app) checks the name.
     */
    public static final String MAIN_CLASS = "io.newsflow.app.Newsflow";

    private NewsflowJvm() {
    }

    /** Starts {@code newsflow ARGS} with the JVM options {@code jvm}, standard output and error into {@code log}. */
    public static Process start(String name, List<String> jvm, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Waits until the child is ready: {@code readyFile} exists, or {@code logLine} is in its log (either may be
     * null). Throws, naming the log, if the child exits first or the deadline passes.
     */
    public static void awaitReady(Process process, String name, Path log, Path readyFile, String logLine,
                                  Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(readyFile != null && Files.exists(readyFile)) && !(logLine != null && logContains(log, logLine))) {
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

    /** Whether the log holds {@code line} (false while it does not exist yet). */
    public static boolean logContains(Path log, String line) {
        try {
            return Files.exists(log) && Files.readString(log).contains(line);
        } catch (IOException e) {
            return false;
        }
    }
}
