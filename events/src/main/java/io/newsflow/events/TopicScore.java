package io.newsflow.events;

import java.util.List;

/**
 * The classifier's verdict on one label of the taxonomy: a score in [0,1] and the words or phrases that drove it.
 */
public record TopicScore(String label, double score, List<String> evidence) {
    public TopicScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score out of [0,1] for " + label + ": " + score);
        }
        evidence = List.copyOf(evidence);
    }
}
