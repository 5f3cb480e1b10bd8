package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.topics.Taxonomy;
import io.newsflow.enrich.topics.TopicFeatures;
import io.newsflow.tools.topics.TopicEvaluation;
import io.newsflow.tools.topics.TopicTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the topic model from labelled JSON Lines: settings chosen by cross-validation over all the files pooled,
 * the folds and leave-one-corpus-out figures printed, the model written where {@code --topic-model} can load it.
 */
@Command(name = "train-topics", mixinStandardHelpOptions = true,
        description = "Train one calibrated logistic regression per label from labelled JSON Lines ({id, title, "
                + "body, labels: [...]} judges every label; {id, title, body, <label>: true|false} judges that "
                + "label only). Settings are chosen by k-fold cross-validation over all files pooled (folds "
                + "stratified by source); prints the folds, per-source and leave-one-corpus-out figures.")
public final class TrainTopicsCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled articles (JSONL); each file is one source in the figures.")
    List<Path> train;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.tsv.gz).")
    Path out;

    @Option(names = "--labels", split = ",", paramLabel = "L,...",
            description = "Labels to train (default: every taxonomy label with enough positive examples).")
    List<String> labels;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--max-iterations", defaultValue = "200",
            description = "L-BFGS iterations at most, per model (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--seed", defaultValue = "42", description = "Shuffle and fold seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lambdas", split = ",", defaultValue = "3e-3,1e-3",
            description = "L2 strengths the grid tries (default: ${DEFAULT-VALUE}).")
    List<Double> lambdas;

    @Option(names = "--boost-sources", split = ",", paramLabel = "SOURCE,...",
            description = "Sources (file names without extension) whose examples may weigh more; the grid tries "
                    + "each --boosts value for them.")
    List<String> boostSources;

    @Option(names = "--boosts", split = ",", defaultValue = "1", description = "Boost factors the grid tries "
            + "(default: ${DEFAULT-VALUE}).")
    List<Double> boosts;

    @Option(names = "--unsure-weight", defaultValue = "1.0",
            description = "Weight of examples marked unsure (default: ${DEFAULT-VALUE}).")
    double unsureWeight;

    @Option(names = "--min-positives", defaultValue = "5",
            description = "A label needs this many positive examples to be trained (default: ${DEFAULT-VALUE}).")
    int minPositives;

    @Option(names = "--features", paramLabel = "CONFIG",
            description = "Try only this feature setting, e.g. logtf=true,norm=0.5,bigrams=true,positions=true "
                    + "(default: 1 + ln(tf) with each norm 0, 0.5, 1, with and without bigrams and positions: 12).")
    String features;

    @Option(names = "--select", defaultValue = "cv+loco", paramLabel = "cv|cv+loco",
            description = "How the grid judges a setting: cross-validation within the sources only, or averaged "
                    + "with leave-one-corpus-out (default: ${DEFAULT-VALUE}).")
    String select;

    @Option(names = "--name", defaultValue = "topics-lr-1",
            description = "Model name, reported in enricher_version (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    TaxonomyOption taxonomy;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private boolean selectOnLoco() {
        return switch (select) {
            case "cv" -> false;
            case "cv+loco" -> true;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--select must be cv or cv+loco, not '" + select + "'");
        };
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Taxonomy tax = taxonomy.load();
        List<String> wanted = labels == null ? tax.labelIds() : labels;
        for (String l : wanted) {
            if (!tax.labelIds().contains(l)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "label '" + l
                        + "' is not in the taxonomy " + tax.source() + " " + tax.labelIds()
                        + ": add it there first (see README, Topic classification)");
            }
        }
        List<TopicEvaluation.Example> examples = new ArrayList<>();
        for (Path f : train) {
            try {
                examples.addAll(TopicEvaluation.read(f, tax.labelIds()));
            } catch (IllegalArgumentException | IOException e) {
                throw new StartupException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        TopicTrainer.Options d = TopicTrainer.Options.defaults();
        TopicTrainer.Options options = new TopicTrainer.Options(
                features == null ? d.configs() : List.of(TopicFeatures.Config.decode(features)),
                lambdas.stream().mapToDouble(Double::doubleValue).toArray(),
                boosts.stream().mapToDouble(Double::doubleValue).toArray(),
                boostSources == null ? Set.of() : new LinkedHashSet<>(boostSources), folds, maxIterations, seed, d.minDf(),
                unsureWeight, minPositives, selectOnLoco(), name);
        long t0 = System.nanoTime();
        Enricher entities = Enricher.standard(Clock.systemUTC(), taxonomy.file(), null);
        out.printf(Locale.ROOT, "reading features of %d examples from %d file(s)...%n", examples.size(), train.size());
        out.flush();
        TopicTrainer trainer;
        try {
            trainer = new TopicTrainer(new TopicFeatures(tax), examples, entities::entities, wanted, options);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "features in %.1f s; training %s over %d setting(s)%n", (System.nanoTime() - t0) / 1e9,
                trainer.labels(), options.configs().size() * options.lambdas().length * options.boosts().length);
        TopicTrainer.Result result = trainer.run(out);
        out.print(result.render());
        result.model().save(this.out);
        out.printf(Locale.ROOT, "model %s: %d features, %d label(s), written to %s (%d bytes) in %.1f s%n", name,
                result.model().featureCount(), result.model().labels().size(), this.out, Files.size(this.out),
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        return Exit.OK;
    }
}
