package io.newsflow.events;

import java.util.List;

/**
 * The classifier's verdict on one label of the taxonomy: a score in [0,1], the phrases that drove it
 * ({@code evidence}, schema v1) and, added within v1, where each phrase stands ({@code evidence_spans}) and the
 * label's IPTC Media Topic codes ({@code iptc}). Events written before those fields existed read back with them empty.
 */
public record TopicScore(String label, double score, List<String> evidence, List<EvidenceSpan> evidenceSpans,
                         List<String> iptc) {
    public TopicScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score out of [0,1] for " + label + ": " + score);
        }
        evidence = List.copyOf(evidence);
        evidenceSpans = evidenceSpans == null ? List.of() : List.copyOf(evidenceSpans);
        iptc = iptc == null ? List.of() : List.copyOf(iptc);
    }

    /** A score without spans or IPTC codes, as the v1 baseline wrote them. */
    public TopicScore(String label, double score, List<String> evidence) {
        this(label, score, evidence, List.of(), List.of());
    }
}
