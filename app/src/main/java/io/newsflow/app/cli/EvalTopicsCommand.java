package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.runtime.StartupException;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.enrich.topics.TopicFeatures;
import io.newsflow.tools.topics.TopicEvaluation;
import io.newsflow.tools.topics.TopicTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores hand-labelled articles with the topic classifier and prints per-label P/R/F1 and macro-F1; with
 * {@code --cv K}, cross-validates the model's training setting over the files instead. No Kafka.
 */
@Command(name = "eval-topics", mixinStandardHelpOptions = true,
        description = "Evaluate topic labels against hand-labelled JSON Lines: {id, title, body, labels: [...]} "
                + "or {id, title, body, <label>: true|false}. Prints per-label precision, recall, F1 and macro-F1. "
                + "With --cv K: K-fold cross-validation of the topic model's setting over all the files pooled, "
                + "per label, per source and per fold, plus leave-one-corpus-out figures.")
public final class EvalTopicsCommand implements Callable<Integer> {
    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled articles (JSONL).")
    List<Path> articles;

    @Option(names = "--predictions", paramLabel = "OUT", description = "Write {id, labels, topics} per line here.")
    Path predictions;

    @Option(names = "--cv", paramLabel = "K", description = "Cross-validate with K folds instead of scoring.")
    Integer cv;

    @Mixin
    TaxonomyOption taxonomy;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LearnedTopicClassifier classifier = taxonomy.classifier();
        Enricher entities = Enricher.standard(Clock.systemUTC(), taxonomy.file(), taxonomy.modelFiles());
        List<TopicEvaluation.Example> examples = new ArrayList<>();
        for (Path f : articles) {
            try {
                examples.addAll(TopicEvaluation.read(f, classifier.labels()));
            } catch (IllegalArgumentException | IOException e) {
                throw new StartupException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("taxonomy " + classifier.taxonomy().source() + ", topic model " + classifier.version() + ", "
                + articles);
        if (cv != null) {
            return crossValidate(classifier, entities, examples, out);
        }
        TopicEvaluation.Report report;
        if (predictions != null) {
            try (Writer w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
                report = TopicEvaluation.evaluate(examples, entities::entities, classifier, w);
            }
        } else {
            report = TopicEvaluation.evaluate(examples, entities::entities, classifier, null);
        }
        out.print(report.render());
        if (predictions != null) {
            out.println("predictions written to " + predictions);
        }
        out.flush();
        return Exit.OK;
    }

    private int crossValidate(LearnedTopicClassifier classifier, Enricher entities,
                              List<TopicEvaluation.Example> examples, PrintWriter out) {
        if (cv < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cv needs K >= 2");
        }
        if (classifier.model() == null) {
            throw new StartupException("--cv cross-validates the topic model's setting, and there is no "
                    + "topic model: train one with train-topics and give it with --topic-model", null);
        }
        TopicTrainer.Setting setting = TopicTrainer.Setting.parse(classifier.model().info().path("setting")
                .asText(TopicFeatures.Config.DEFAULT.encode() + ",lambda=1.0E-4,boost=1.0"));
        TopicTrainer.Options d = TopicTrainer.Options.defaults();
        var info = classifier.model().info();
        Set<String> boostSources = new java.util.LinkedHashSet<>();
        info.path("boost_sources").forEach(n -> boostSources.add(n.asText()));
        TopicTrainer.Options options = new TopicTrainer.Options(List.of(setting.config()),
                new double[]{setting.lambda()}, new double[]{setting.boost()}, boostSources, cv,
                info.path("max_iterations").asInt(d.maxIterations()), info.path("seed").asLong(d.seed()),
                info.path("min_df").asInt(d.minDf()), info.path("unsure_weight").asDouble(d.unsureWeight()),
                d.minPositives(), false, classifier.model().version());
        List<String> labels = classifier.model().labels().stream().map(l -> l.label())
                .filter(classifier.labels()::contains).toList();
        TopicTrainer trainer;
        try {
            trainer = new TopicTrainer(new TopicFeatures(classifier.taxonomy()), examples, entities::entities,
                    labels, options);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        out.print(trainer.run(null).render());
        out.flush();
        return Exit.OK;
    }
}
