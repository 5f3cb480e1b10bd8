package io.newsflow.app;

import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.topics.TaxonomyTopicClassifier;
import io.newsflow.enrich.topics.TopicEvaluation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores hand-labelled articles with the topic classifier and prints per-label P/R/F1 and macro-F1; no Kafka. */
@Command(name = "eval-topics", mixinStandardHelpOptions = true,
        description = "Evaluate topic labels against hand-labelled JSON Lines: {id, title, body, labels: [...]} "
                + "or {id, title, body, <label>: true|false}. Prints per-label precision, recall, F1 and macro-F1.")
final class EvalTopicsCommand implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "FILE", description = "Labelled articles (JSONL).")
    Path articles;

    @Option(names = "--predictions", paramLabel = "OUT", description = "Write {id, labels, topics} per line here.")
    Path predictions;

    @Mixin
    TaxonomyOption taxonomy;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TaxonomyTopicClassifier classifier = new TaxonomyTopicClassifier(taxonomy.load());
        Enricher entities = Enricher.standard(Clock.systemUTC(), taxonomy.file());
        List<TopicEvaluation.Example> examples;
        try {
            examples = TopicEvaluation.read(articles, classifier.labels());
        } catch (IllegalArgumentException | IOException e) {
            throw new Newsflow.StartupException("cannot read " + articles + ": " + e.getMessage(), e);
        }
        TopicEvaluation.Report report;
        if (predictions != null) {
            try (Writer w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
                report = TopicEvaluation.evaluate(examples, entities::entities, classifier, w);
            }
        } else {
            report = TopicEvaluation.evaluate(examples, entities::entities, classifier, null);
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("taxonomy " + classifier.taxonomy().source() + " (" + classifier.version() + "), "
                + articles);
        out.print(report.render());
        if (predictions != null) {
            out.println("predictions written to " + predictions);
        }
        out.flush();
        return Newsflow.OK;
    }
}
