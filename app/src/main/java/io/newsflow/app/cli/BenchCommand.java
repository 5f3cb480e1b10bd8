package io.newsflow.app.cli;

import io.newsflow.runtime.Exit;
import io.newsflow.enrich.ner.NerEntityExtractor;
import io.newsflow.enrich.topics.LearnedTopicClassifier;
import io.newsflow.events.Article;
import io.newsflow.events.Entity;
import io.newsflow.tools.ner.NerBench;
import io.newsflow.tools.topics.TopicBench;
import io.newsflow.tools.topics.TopicEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One-thread benchmarks of the enrichment models on real-sized articles; figures, not pass/fail. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchPipelineCommand.class,
        description = "Benchmark a model on one thread, or the whole pipeline ('bench pipeline --help'). 'bench linking': the entity linker's share of the "
                + "whole enricher's time, both measured in alternating rounds of one run. "
                + "'bench ner': entity extraction over the .txt articles of "
                + "--input (tokenisation included): model load time, tokens/s, articles/s, heap. 'bench topics': "
                + "topic classification (entities extracted beforehand) over --input, or the JSONL of --articles: "
                + "articles/s, and the time and work on 256 KB and 1 MB of repeated taxonomy terms. 'bench sink --events FILE': "
                + "what the sink pays to read an enriched event (whole event decoded against its streaming view) and "
                + "to encode its mention records, over the enriched JSONL of FILE (e.g. enrich-file's output). "
                + "'bench trends': the trends topology's articles/s on one thread against the enrich core's on the "
                + "same articles.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WHAT", description = "What to benchmark: ner, topics, "
            + "linking, sink, trends; or the subcommand pipeline.")
    String what;

    @Option(names = "--articles", paramLabel = "FILE", description = "bench topics: articles from this JSONL "
            + "({id, title, body, ...}) instead of --input.")
    Path jsonl;

    @picocli.CommandLine.Mixin
    TaxonomyOption taxonomy;

    @Option(names = "--input", paramLabel = "DIR", description = "Directory of .txt articles (default: seeds/).")
    Path input;

    @Option(names = "--language", defaultValue = "en", paramLabel = "LANG", description = "bench ner: the bundled "
            + "extractor of this language, en or es (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--model", paramLabel = "MODEL", description = "bench ner: a model file instead of the bundled "
            + "model of --language.")
    Path model;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE", description = "bench sink: enriched events, one JSON a line.")
    Path events;

    @Option(names = "--trends-articles", defaultValue = "5000", paramLabel = "N",
            description = "bench trends: enriched events run through the trends stage (default: ${DEFAULT-VALUE}).")
    int trendsArticles;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--seconds", defaultValue = "15", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() throws Exception {
        if (what == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "missing what to benchmark (ner, topics, linking, sink, trends, pipeline)");
        }
        if (!"ner".equals(what) && !"topics".equals(what) && !"linking".equals(what) && !"sink".equals(what)
                && !"trends".equals(what)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "unknown benchmark '" + what + "' (known: ner, topics, linking, sink, trends)");
        }
        if ("sink".equals(what)) {
            return sink();
        }
        Path dir = input != null ? input : DemoCommand.defaultSeeds();
        if ("trends".equals(what)) {
            return trends(dir);
        }
        if ("linking".equals(what)) {
            return linking(dir);
        }
        if ("topics".equals(what)) {
            return topics(dir);
        }
        List<Article> articles = BenchPipelineCommand.readSeeds(dir);
        long t0 = System.nanoTime();
        NerEntityExtractor extractor = EvalNerCommand.extractor(this, language, model);
        double load = (System.nanoTime() - t0) / 1e9;
        long tokens = 0;
        for (Article a : articles) {
            tokens += NerBench.tokens(a);
        }
        System.out.printf(Locale.ROOT, "model %s loaded in %.2f s; %d articles from %s, %d tokens (%.0f a article)%n",
                extractor.version(), load, articles.size(), dir, tokens, (double) tokens / articles.size());
        NerBench.Result r = NerBench.run(extractor, articles, warmup, seconds);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "one thread, %.1f s: %.0f tokens/s, %.0f articles/s%n", r.seconds(),
                r.tokensPerSecond(), r.articlesPerSecond());
        System.out.printf(Locale.ROOT, "heap: %.0f MB used after GC (model loaded), %.0f MB peak during the run, "
                + "max heap %d MB%n", r.heapAfterGcMb(), r.peakHeapMb(), rt.maxMemory() / 1048576);
        return Exit.OK;
    }

    /**
     * The linker against the whole enricher (extraction, linking, topics) on the same articles: rounds alternate
     * so machine load hits both alike, and the ratio is what the linker adds to enrich time.
     */
    private int linking(Path dir) throws java.io.IOException {
        io.newsflow.enrich.Enricher enricher = io.newsflow.enrich.Enricher.standard(java.time.Clock.systemUTC());
        List<Article> articles = jsonl != null
                ? TopicEvaluation.read(jsonl, enricher.labels()).stream().map(TopicEvaluation.Example::article)
                        .toList()
                : BenchPipelineCommand.readSeeds(dir);
        io.newsflow.enrich.linking.EntityLinker linker = io.newsflow.enrich.linking.EntityLinker.standard();
        io.newsflow.enrich.ner.NerEntityExtractor extractor = io.newsflow.enrich.ner.NerEntityExtractor.loadDefault();
        List<List<io.newsflow.events.Entity>> extracted = new java.util.ArrayList<>();
        for (Article a : articles) {
            extracted.add(extractor.extract(a));
        }
        long enrichNanos = 0;
        long linkNanos = 0;
        long rounds = 0;
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        long stop = warmEnd + (long) (seconds * 1e9);
        while (true) {
            long t0 = System.nanoTime();
            for (Article a : articles) {
                sink += enricher.enrich(a).entities().size();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                sink += linker.link(articles.get(i), extracted.get(i)).size();
            }
            long t2 = System.nanoTime();
            if (t0 >= warmEnd) {
                enrichNanos += t1 - t0;
                linkNanos += t2 - t1;
                rounds++;
            }
            if (t2 >= stop) {
                break;
            }
        }
        if (sink < 0 || rounds == 0) {
            throw new IllegalStateException("no measured round: raise --seconds");
        }
        long n = rounds * articles.size();
        System.out.printf(Locale.ROOT, "%d articles, %d measured rounds on one thread%n", articles.size(), rounds);
        System.out.printf(Locale.ROOT, "enrich (extraction + linking + topics): %.0f articles/s%n",
                n / (enrichNanos / 1e9));
        System.out.printf(Locale.ROOT, "linking alone: %.0f articles/s; linking is %.1f%% of enrich time%n",
                n / (linkNanos / 1e9), 100.0 * linkNanos / enrichNanos);
        return Exit.OK;
    }

    /** The trends stage against the enrich core on the same articles, in CPU time an article. */
    private int trends(Path dir) throws Exception {
        List<Article> articles = BenchPipelineCommand.readSeeds(dir);
        io.newsflow.tools.bench.TrendsBench.Result r = io.newsflow.tools.bench.TrendsBench.run(articles,
                trendsArticles, warmup, seconds);
        System.out.printf(Locale.ROOT, "%d articles from %s, %.1f trend keys an article (entities, labels, "
                + "countries); %d events, one every %d s of publish time%n", r.articles(), dir, r.keysPerArticle(),
                r.trendsArticles(), io.newsflow.tools.bench.TrendsBench.GAP.toSeconds());
        System.out.printf(Locale.ROOT, "enrich core, one thread: %.2f CPU ms an article (%.0f articles/s)%n",
                r.enrichCpuMs(), r.enrichPerSecond());
        System.out.printf(Locale.ROOT, "trends stage, one stream thread, embedded broker: %.2f CPU ms an article "
                + "(%.0f articles per CPU second); %d articles in %.1f s wall, start-up included; %d trend "
                + "records written%n", r.trendsCpuMs(), r.trendsPerCpuSecond(), r.trendsArticles(),
                r.trendsSeconds(), r.emitted());
        System.out.printf(Locale.ROOT, "trends / enrich cost: %.2f (below 1: trends keeps up with enrich on the "
                + "same cores)%n", r.trendsCpuMs() / r.enrichCpuMs());
        return Exit.OK;
    }

    private int topics(Path dir) throws java.io.IOException {
        long t0 = System.nanoTime();
        LearnedTopicClassifier classifier = taxonomy.classifier();
        double load = (System.nanoTime() - t0) / 1e9;
        List<Article> articles = jsonl != null
                ? TopicEvaluation.read(jsonl, classifier.labels()).stream().map(TopicEvaluation.Example::article)
                .toList()
                : BenchPipelineCommand.readSeeds(dir);
        NerEntityExtractor extractor = NerEntityExtractor.loadDefault();
        List<List<Entity>> entities = articles.stream().map(extractor::extract).toList();
        long chars = articles.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
        System.out.printf(Locale.ROOT, "topic model %s loaded in %.2f s; %d articles from %s (%.0f chars an "
                + "article)%n", classifier.version(), load, articles.size(), jsonl != null ? jsonl : dir,
                (double) chars / articles.size());
        TopicBench.Result r = TopicBench.run(classifier, articles, entities, warmup, seconds);
        System.out.printf(Locale.ROOT, "one thread, %.1f s: %.0f articles/s, %.1f MB of text/s%n", r.seconds(),
                r.articlesPerSecond(), r.charsPerSecond() / 1e6);
        long previousWork = 0;
        for (int kb : new int[]{64, 256, 1024}) {
            Article repeated = TopicBench.repeated("gas ", kb * 1024);
            double t = TopicBench.secondsEach(classifier, List.of(repeated), 3, 9).get(0);
            long work = classifier.work(repeated, List.of());
            System.out.printf(Locale.ROOT, "repeated 'gas ', %4d KB: %.3f s (median of 9), %.0f ns a character, "
                    + "%d operations%s%n", kb, t, t * 1e9 / (kb * 1024), work,
                    previousWork == 0 ? "" : String.format(Locale.ROOT, " (x%.2f for 4x the text)",
                            (double) work / previousWork));
            previousWork = work;
        }
        return Exit.OK;
    }

    private int sink() throws java.io.IOException {
        if (events == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "bench sink needs --events FILE (enriched JSONL, e.g. from enrich-file)");
        }
        List<byte[]> lines = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(events)) {
            if (!line.isBlank()) {
                lines.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "bench sink: %s, load average %.2f%n", events,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.print(io.newsflow.tools.bench.SinkReadBench.run(lines, warmup, seconds).render());
        out.flush();
        return 0;
    }
}
