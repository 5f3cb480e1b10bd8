package io.newsflow.app.cli;

import io.newsflow.runtime.StartupException;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.enrich.topics.LinearTopicModel;
import io.newsflow.enrich.topics.Taxonomy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --taxonomy FILE} and {@code --topic-model FILE} options: the topic labels come from the taxonomy file
 * and are scored by the trained model (both shipped by default); a file that cannot be used stops the command
 * before it starts work (exit code 3) with the loader's message.
 */
public final class TaxonomyOption {
    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Topic taxonomy JSON (labels, terms, cues, thresholds); default: the shipped taxonomy.")
    Path file;

    @Option(names = "--topic-model", paramLabel = "FILE",
            description = "A trained topic model (from train-topics), consulted before the shipped one; repeatable. "
                    + "A label no model has is scored by the taxonomy's terms.")
    java.util.List<Path> models = new java.util.ArrayList<>();

    public Path file() {
        return file;
    }

    public java.util.List<Path> modelFiles() {
        return models;
    }

    /** The classifier for these files, loaded now so that a bad file fails at start-up. */
    public LearnedTopicClassifier classifier() {
        try {
            return Enricher.topicClassifier(file, models);
        } catch (Taxonomy.InvalidTaxonomyException | LinearTopicModel.InvalidModelException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** Loads and validates the taxonomy now, so a bad file fails at start-up. */
    public Taxonomy load() {
        try {
            return Taxonomy.load(file);
        } catch (Taxonomy.InvalidTaxonomyException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}
