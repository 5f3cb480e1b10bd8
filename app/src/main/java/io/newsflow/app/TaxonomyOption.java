package io.newsflow.app;

import io.newsflow.enrich.topics.Taxonomy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --taxonomy FILE} option: the topic labels come from this file (the shipped taxonomy by default), and
 * a file that cannot be used stops the command before it starts work (exit code 3) with the loader's message.
 */
public final class TaxonomyOption {
    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Topic taxonomy JSON (labels, terms, cues, thresholds); default: the shipped taxonomy.")
    Path file;

    public Path file() {
        return file;
    }

    /** Loads and validates the taxonomy now, so a bad file fails at start-up. */
    public Taxonomy load() {
        try {
            return Taxonomy.load(file);
        } catch (Taxonomy.InvalidTaxonomyException e) {
            throw new Newsflow.StartupException(e.getMessage(), e);
        }
    }
}
