package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.enrich.ner.EntityExtractor;
import io.newsflow.enrich.ner.KnownEntities;
import io.newsflow.enrich.ner.NerEntityExtractor;
import io.newsflow.enrich.ner.NerModel;
import io.newsflow.tools.ner.Conll;
import io.newsflow.tools.ner.NerEval;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores the real entity extractor on a CoNLL-2003 file (exact span and type, as conlleval). */
@Command(name = "eval-ner", mixinStandardHelpOptions = true,
        description = "Run the entity extractor on each CoNLL document (tokens joined by single spaces), map its "
                + "mentions back to tokens, print precision, recall and F1 per type and tokens per second.")
public final class EvalNerCommand implements Callable<Integer> {
    @Option(names = "--conll", paramLabel = "FILE", description = "CoNLL-2003 file to score.")
    Path conll;

    @Option(names = "--conllu", paramLabel = "FILE",
            description = "A file in the Wikigold/CoNLL-2002 layout (index<TAB>token<TAB>IOB2 tag) to score instead; "
                    + "without -DOCSTART- it is cut into stories at its wire datelines.")
    Path conllu;

    @Option(names = "--predictions", paramLabel = "OUT", description = "Write 'token gold predicted' BIO lines.")
    Path predictions;

    @Option(names = "--model", paramLabel = "MODEL", description = "A model file (default: the bundled model "
            + "of --language).")
    Path model;

    @Option(names = "--language", defaultValue = "en", paramLabel = "LANG", description = "Language of the text: "
            + "picks the bundled model and the common words and titles the extractor uses, en or es "
            + "(default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--repeat", defaultValue = "3",
            description = "Timed passes; scores come from the first, speed from the fastest (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        if ((conll == null) == (conllu == null)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "give exactly one of --conll FILE and --conllu FILE");
        }
        List<Conll.Doc> docs = conll != null ? Conll.read(conll) : Conll.readConllu(conllu);
        Path file = conll != null ? conll : conllu;
        long t0 = System.nanoTime();
        EntityExtractor extractor = extractor(this, language, model);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        NerEval.Result first;
        if (predictions != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(predictions, StandardCharsets.UTF_8))) {
                first = NerEval.run(extractor, docs, out);
            }
        } else {
            first = NerEval.run(extractor, docs, null);
        }
        double best = first.tokensPerSecond();
        for (int r = 1; r < repeat; r++) {
            best = Math.max(best, NerEval.run(extractor, docs, null).tokensPerSecond());
        }
        System.out.printf(Locale.ROOT, "model %s, loaded in %.2f s; %s: %d documents, %d tokens%n",
                extractor.version(), loadSeconds, file.getFileName(), docs.size(), first.scores().tokens());
        System.out.print(first.scores().report());
        System.out.printf(Locale.ROOT, "speed: %.0f tokens/s on the first pass, %.0f tokens/s best of %d "
                + "(one thread, tokenisation and canonicalisation included)%n", first.tokensPerSecond(), best, repeat);
        return Exit.OK;
    }

    /** The bundled extractor of {@code language}, or one with the model file {@code model} and that language's
     * common words and titles. */
    static NerEntityExtractor extractor(Object command, String language, Path model) throws java.io.IOException {
        boolean spanish = language.equalsIgnoreCase("es");
        if (!spanish && !language.equalsIgnoreCase("en")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(command),
                    "no entity extractor for language '" + language + "' (known: en, es)");
        }
        if (model == null) {
            return NerEntityExtractor.forLanguage(language).orElseThrow();
        }
        KnownEntities known = KnownEntities.loadDefault();
        try (InputStream in = Files.newInputStream(model)) {
            NerModel m = NerModel.load(in, known);
            return spanish ? NerEntityExtractor.spanish(m, known) : new NerEntityExtractor(m, known);
        }
    }
}
