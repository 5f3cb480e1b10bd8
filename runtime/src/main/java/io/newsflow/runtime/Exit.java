package io.newsflow.runtime;

/**
 * The exit codes of every newsflow command, one meaning each, so scripts and supervisors can tell a failure from a
 * refusal to start and from a partial success.
 */
public final class Exit {
    /** Done. */
    public static final int OK = 0;
    /** The work failed: nothing published, a send failed, a stage died. */
    public static final int FAILED = 1;
    /** Bad usage: an unknown option, a missing argument, a value out of range. */
    public static final int USAGE = 2;
    /** Could not start: configuration, broker unreachable, a topic missing, start-up timed out. */
    public static final int CANNOT_START = 3;
    /** Done, but some inputs were rejected (ingest: every good article published, each bad one reported). */
    public static final int SOME_REJECTED = io.newsflow.ingest.IngestSummary.EXIT_SOME_REJECTED;

    private Exit() {
    }
}
