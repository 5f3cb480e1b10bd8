package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The classifier's verdict on one label of the taxonomy: a score in [0,1], the phrases that drove it
 * ({@code evidence}, schema v1) and, added within v1, where each phrase stands ({@code evidence_spans}) and the
 * label's IPTC Media Topic codes ({@code iptc}) and which model scored it ({@code model}: {@value #LEARNED} or
 * {@value #TERMS}). Events written before those fields existed read back with them empty (or {@code model} null).
 */
public record TopicScore(String label, double score, List<String> evidence, List<EvidenceSpan> evidenceSpans,
                         List<String> iptc, @JsonInclude(JsonInclude.Include.NON_NULL) String model) {
    /** Scored by a trained model (issue 9). */
    public static final String LEARNED = "learned";
    /** Scored by the taxonomy's weighted terms. */
    public static final String TERMS = "terms";

    public TopicScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score out of [0,1] for " + label + ": " + score);
        }
        evidence = List.copyOf(evidence);
        evidenceSpans = evidenceSpans == null ? List.of() : List.copyOf(evidenceSpans);
        iptc = iptc == null ? List.of() : List.copyOf(iptc);
        if (model != null && !model.equals(LEARNED) && !model.equals(TERMS)) {
            throw new IllegalArgumentException("model must be '" + LEARNED + "' or '" + TERMS + "' for " + label
                    + ": " + model);
        }
    }

    public TopicScore(String label, double score, List<String> evidence, List<EvidenceSpan> evidenceSpans,
                      List<String> iptc) {
        this(label, score, evidence, evidenceSpans, iptc, null);
    }

    /** A score without spans or IPTC codes, as the v1 baseline wrote them. */
    public TopicScore(String label, double score, List<String> evidence) {
        this(label, score, evidence, List.of(), List.of());
    }
}
