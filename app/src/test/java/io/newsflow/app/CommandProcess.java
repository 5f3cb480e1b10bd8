package io.newsflow.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code newsflow} command in a JVM of its own, as a user starts a long-running stage: its output kept line by
 * line, the first match of a pattern (the URL it prints) awaited with a deadline, SIGTERM to stop it.
 */
public final class CommandProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> match = new CompletableFuture<>();
    private final Thread reading;

    private CommandProcess(Process process, Pattern wanted) {
        this.process = process;
        this.reading = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    Matcher m = wanted.matcher(line);
                    if (m.find()) {
                        match.complete(m.groupCount() > 0 ? m.group(1) : m.group());
                    }
                }
            } catch (IOException ended) {
                // The process ended; its exit value and output say how.
            }
            match.completeExceptionally(new IllegalStateException("ended before printing " + wanted + ": "
                    + String.join("\n", output)));
        }, "command-output");
        reading.setDaemon(true);
        reading.start();
    }

    /** Starts {@code newsflow ARGS} (heap 512 MB) and watches its output for {@code wanted}. */
    public static CommandProcess start(Pattern wanted, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Newsflow.class.getName()));
        cmd.addAll(args);
        return new CommandProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start(), wanted);
    }

    /** The first group of the first line matching the pattern (the whole match without a group). */
    public String awaitMatch(Duration timeout) throws Exception {
        return match.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it; true if it ended within {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            reading.join(10_000);
        }
        return ended;
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Everything printed so far. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** After a failure too: SIGTERM first, so the command cleans up (temporary directories), then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop(Duration.ofSeconds(60))) {
            process.destroyForcibly();
        }
    }
}
