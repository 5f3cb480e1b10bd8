package io.newsflow.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code newsflow} command, as a user would type it: its exit code, stdout and stderr. */
public record CommandRun(int code, String out, String err) {
    /** Runs {@code newsflow args...} through {@link Newsflow#commandLine()}, capturing both streams. */
    public static CommandRun run(String... args) {
        CommandLine cl = Newsflow.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
