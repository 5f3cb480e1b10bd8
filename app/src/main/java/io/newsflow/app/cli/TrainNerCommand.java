package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.enrich.ner.BrownClusters;
import io.newsflow.enrich.ner.Features;
import io.newsflow.enrich.ner.KnownEntities;
import io.newsflow.enrich.ner.NerModel;
import io.newsflow.tools.ner.Conll;
import io.newsflow.tools.ner.NerTrainer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the entity tagger on CoNLL-2003 or CoNLL-2002 data; the same seed, data and options give the same model. */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
        description = "Train the named-entity tagger (averaged perceptron, Viterbi over BIO tags) and write the "
                + "model. The epoch with the best F1 on --dev is kept.")
public final class TrainNerCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, paramLabel = "FILE", description = "CoNLL-2003 training file.")
    Path train;

    @Option(names = "--dev", paramLabel = "FILE", description = "CoNLL-2003 development file (picks the epoch).")
    Path dev;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.bin.gz).")
    Path out;

    @Option(names = "--epochs", defaultValue = "15", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Shuffle seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bits", defaultValue = "" + NerTrainer.DEFAULT_BITS,
            description = "log2 of the feature buckets (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--name", defaultValue = "ner-perceptron-conll03-2",
            description = "Model name, reported as the extractor version (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--no-clusters", description = "Train without the shipped Brown cluster features.")
    boolean noClusters;

    @Option(names = "--conllu", description = "--train and --dev are in the CoNLL-2002/Wikigold layout "
            + "(index<TAB>token<TAB>IOB2 tag); without -DOCSTART- a file is cut into stories at its wire datelines.")
    boolean conllu;

    @Option(names = "--affixes", defaultValue = "4",
            description = "Longest prefix and suffix feature, 4 to 8 (default: ${DEFAULT-VALUE}).")
    int affixes;

    @Option(names = "--no-gazetteer", description = "Train without gazetteer-membership features.")
    boolean noGazetteer;

    @Option(names = "--folded", description = "Add the word without accents and case as a feature.")
    boolean folded;

    @Override
    public Integer call() throws Exception {
        List<Conll.Doc> trainDocs = conllu ? Conll.readConllu(train) : Conll.read(train);
        List<Conll.Doc> devDocs = dev == null ? List.of() : conllu ? Conll.readConllu(dev) : Conll.read(dev);
        Features.Options options = new Features.Options(affixes, !noGazetteer, folded);
        System.out.printf("%s: %d documents; features: %s, clusters %s%n", train.getFileName(), trainDocs.size(),
                options.encode(), noClusters ? "off" : "on");
        long t0 = System.nanoTime();
        NerModel model = new NerTrainer(bits, epochs, seed, KnownEntities.loadDefault(),
                noClusters ? BrownClusters.empty() : BrownClusters.loadDefault(), options, System.out)
                .train(trainDocs, devDocs, name);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            model.save(o);
        }
        System.out.printf("trained %s in %.1f s: %s (%d bytes)%n", name, (System.nanoTime() - t0) / 1e9, out,
                Files.size(out));
        if (!devDocs.isEmpty()) {
            System.out.print(NerTrainer.evaluate(model, devDocs).report());
        }
        return Exit.OK;
    }
}
