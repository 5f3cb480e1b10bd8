package io.newsflow.ingest;

import java.util.List;

/**
 * What one ingest run did ({@code publishedIds} in input order), and its exit code: 1 when nothing was published
 * or a send failed, 4 when everything good was published but some inputs were rejected, else 0.
 */
public record IngestSummary(int published, int duplicates, List<SourceItem.Rejected> rejected,
                            List<String> skipped, List<String> failed, List<String> publishedIds) {
    /** Done, but some inputs were rejected (the newsflow command's exit code 4). */
    public static final int EXIT_SOME_REJECTED = 4;

    public int exitCode() {
        if (published == 0 || !failed.isEmpty()) {
            return 1;
        }
        return rejected.isEmpty() ? 0 : EXIT_SOME_REJECTED;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("ingest: published ").append(published)
                .append(", duplicates skipped ").append(duplicates)
                .append(", rejected ").append(rejected.size())
                .append(", failed to send ").append(failed.size())
                .append(", non-article files skipped ").append(skipped.size()).append('\n');
        for (SourceItem.Rejected r : rejected) {
            sb.append("  rejected ").append(r.origin()).append(": ").append(r.reason()).append('\n');
        }
        for (String f : failed) {
            sb.append("  failed ").append(f).append('\n');
        }
        for (String s : skipped) {
            sb.append("  skipped ").append(s).append(" (not an article file)\n");
        }
        return sb.toString();
    }
}
