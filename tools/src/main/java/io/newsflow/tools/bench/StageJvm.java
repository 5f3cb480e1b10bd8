package io.newsflow.tools.bench;

import io.newsflow.tools.jvm.NewsflowJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One newsflow stage as its own JVM on this JVM's class path, so the bench can read that one process's CPU time and
 * peak RSS from /proc: a figure per stage, not per thread name. Output goes to one log file.
 */
final class StageJvm {
    private final String name;
    private final Path log;
    private final Process process;

    private StageJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code newsflow ARGS} with the JVM options {@code jvm} (heap limit, GC log). */
    static StageJvm start(String name, Path logDir, List<String> jvm, List<String> args) {
        Path log = logDir.resolve(name + ".log");
        return new StageJvm(name, log, NewsflowJvm.start(name, jvm, args, log));
    }

    /** Waits until {@code readyFile} exists, or {@code logLine} is in the log; fails if the child exits first. */
    void awaitReady(Path readyFile, String logLine, Duration timeout) throws InterruptedException {
        NewsflowJvm.awaitReady(process, name, log, readyFile, logLine, timeout);
    }

    /** Throws if the child has exited (a stage must run until the bench stops it). */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** User plus system CPU time of the whole process so far (utime + stime of /proc/PID/stat), in nanoseconds. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for " + name + " (pid " + process.pid()
                        + "): /proc needed"));
    }

    /** Peak resident set size so far, VmHWM of /proc/PID/status, in kB. */
    long peakRssKb() {
        try {
            return vmHwmKb(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of " + name + " (pid " + process.pid() + ")", e);
        }
    }

    /** The VmHWM line of a /proc/PID/status text, in kB. */
    static long vmHwmKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
            }
        }
        throw new IllegalArgumentException("no VmHWM line in the process status");
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code timeout}; returns the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }
}
