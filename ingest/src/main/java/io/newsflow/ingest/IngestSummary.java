package io.newsflow.ingest;

import java.util.List;

/** What one ingest run did ({@code publishedIds} in input order); {@code published == 0} makes the command fail. */
public record IngestSummary(int published, int duplicates, List<SourceItem.Rejected> rejected,
                            List<String> skipped, List<String> failed, List<String> publishedIds) {
    public int exitCode() {
        return published > 0 ? 0 : 1;
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
